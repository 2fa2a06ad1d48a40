//! The OpenAPI 3 definition of an API entity, read into what the viewer shows:
//! servers, operations grouped by tag, their parameters, request body, responses
//! and the shape of each schema (with `$ref`s inside the document resolved).

use serde_json::Value;

use crate::catalog::entity::yaml_parse;

#[derive(Clone, Debug, PartialEq)]
pub struct ApiDoc {
    pub title: String,
    pub version: String,
    pub description: Option<String>,
    pub servers: Vec<String>,
    pub groups: Vec<TagGroup>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TagGroup {
    pub tag: String,
    pub operations: Vec<Operation>,
}

/// An operation as the list shows it; what it takes and answers (`details`) is
/// worked out when it is opened, so a definition of a thousand operations opens
/// at once.
#[derive(Clone, Debug, PartialEq)]
pub struct Operation {
    pub method: String,
    pub path: String,
    pub summary: Option<String>,
    pub operation_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Details {
    pub description: Option<String>,
    pub parameters: Vec<Parameter>,
    pub request_body: Vec<(String, String)>,
    pub responses: Vec<Response>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    pub name: String,
    pub location: String,
    pub required: bool,
    pub shape: String,
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    pub status: String,
    pub description: String,
    /// `(media type, schema shape)`.
    pub content: Vec<(String, String)>,
}

const METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const MAX_DEPTH: usize = 4;

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

/// Reads a definition as written in the entity (JSON or YAML).
pub fn parse_definition(definition: &str) -> Result<Value, String> {
    let t = definition.trim_start();
    if t.starts_with('{') {
        if let Ok(v) = serde_json::from_str(t) {
            return Ok(v);
        }
    }
    yaml_parse::parse(definition).map_err(|e| format!("The definition could not be read ({e})."))
}

/// Follows a local `$ref` (`#/components/schemas/Cart`).
fn resolve<'a>(root: &'a Value, v: &'a Value) -> (&'a Value, Option<String>) {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) if r.starts_with("#/") => {
            let name = r.rsplit('/').next().map(str::to_string);
            (root.pointer(&r[1..]).unwrap_or(&Value::Null), name)
        }
        _ => (v, None),
    }
}

/// A one-line shape: `object { id: string, items*: array<Item> }`.
pub fn shape(root: &Value, schema: &Value, depth: usize) -> String {
    let (s, name) = resolve(root, schema);
    if let (Some(n), true) = (&name, depth >= MAX_DEPTH - 1) {
        return n.clone();
    }
    if depth >= MAX_DEPTH {
        return name.unwrap_or_else(|| "…".into());
    }
    let ty = s.get("type").and_then(Value::as_str).unwrap_or(if s.get("properties").is_some() { "object" } else { "any" });
    let mut out = match ty {
        "array" => format!("array<{}>", s.get("items").map(|i| shape(root, i, depth + 1)).unwrap_or_else(|| "any".into())),
        "object" => {
            let required: Vec<&str> =
                s.get("required").and_then(Value::as_array).map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
            let props: Vec<String> = s
                .get("properties")
                .and_then(Value::as_object)
                .map(|p| {
                    p.iter()
                        .map(|(k, v)| {
                            format!("{k}{}: {}", if required.contains(&k.as_str()) { "*" } else { "" }, shape(root, v, depth + 1))
                        })
                        .collect()
                })
                .unwrap_or_default();
            if props.is_empty() {
                "object".into()
            } else {
                format!("object {{ {} }}", props.join(", "))
            }
        }
        other => other.to_string(),
    };
    if let Some(f) = s.get("format").and_then(Value::as_str) {
        out = format!("{out}({f})");
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        let values: Vec<String> = e.iter().map(|v| v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string())).collect();
        out = format!("{out} [{}]", values.join(" | "));
    }
    for (k, sym) in [("minimum", "≥"), ("maximum", "≤")] {
        if let Some(n) = s.get(k) {
            out = format!("{out} {sym}{n}");
        }
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(list) = s.get(key).and_then(Value::as_array) {
            let parts: Vec<String> = list.iter().map(|x| shape(root, x, depth + 1)).collect();
            return format!("{key}({})", parts.join(", "));
        }
    }
    match (depth, name) {
        (d, Some(n)) if d > 0 => format!("{n} {out}"),
        _ => out,
    }
}

fn content(root: &Value, v: &Value) -> Vec<(String, String)> {
    v.get("content")
        .and_then(Value::as_object)
        .map(|c| {
            c.iter().map(|(media, m)| (media.clone(), m.get("schema").map(|s| shape(root, s, 0)).unwrap_or_else(|| "any".into()))).collect()
        })
        .unwrap_or_default()
}

/// What `op` takes and answers, `$ref`s resolved.
pub fn details(root: &Value, op: &Operation) -> Details {
    let item = root.get("paths").and_then(|p| p.get(&op.path)).unwrap_or(&Value::Null);
    let o = item.get(op.method.to_ascii_lowercase()).unwrap_or(&Value::Null);
    let shared = item.get("parameters").and_then(Value::as_array).into_iter().flatten();
    let parameters = shared
        .chain(o.get("parameters").and_then(Value::as_array).into_iter().flatten())
        .map(|p| resolve(root, p).0)
        .map(|p| Parameter {
            name: text(p, "name").unwrap_or_default(),
            location: text(p, "in").unwrap_or_default(),
            required: p.get("required").and_then(Value::as_bool).unwrap_or(false),
            shape: p.get("schema").map(|s| shape(root, s, 0)).unwrap_or_else(|| "any".into()),
            description: text(p, "description"),
        })
        .collect();
    let request_body = o.get("requestBody").map(|b| content(root, resolve(root, b).0)).unwrap_or_default();
    let responses = o
        .get("responses")
        .and_then(Value::as_object)
        .map(|r| {
            r.iter()
                .map(|(status, resp)| {
                    let resp = resolve(root, resp).0;
                    Response {
                        status: status.clone(),
                        description: text(resp, "description").unwrap_or_default(),
                        content: content(root, resp),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    Details { description: text(o, "description"), parameters, request_body, responses }
}

/// Builds the viewer's model; `Err` says in words why it is not OpenAPI 3.
pub fn read(root: &Value) -> Result<ApiDoc, String> {
    let version = root.get("openapi").and_then(Value::as_str).unwrap_or("");
    if !version.starts_with('3') {
        return Err("This definition is not OpenAPI 3; it is shown as written.".into());
    }
    let info = root.get("info").cloned().unwrap_or(Value::Null);
    let servers =
        root.get("servers").and_then(Value::as_array).map(|s| s.iter().filter_map(|x| text(x, "url")).collect()).unwrap_or_default();
    let mut groups: Vec<TagGroup> = Vec::new();
    for (path, item) in root.get("paths").and_then(Value::as_object).into_iter().flatten() {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let operation = Operation {
                method: method.to_ascii_uppercase(),
                path: path.clone(),
                summary: text(op, "summary"),
                operation_id: text(op, "operationId"),
            };
            let tags: Vec<String> = op
                .get("tags")
                .and_then(Value::as_array)
                .map(|t| t.iter().filter_map(Value::as_str).map(str::to_string).collect())
                .unwrap_or_default();
            for tag in if tags.is_empty() { vec!["default".to_string()] } else { tags } {
                match groups.iter_mut().find(|g| g.tag == tag) {
                    Some(g) => g.operations.push(operation.clone()),
                    None => groups.push(TagGroup { tag, operations: vec![operation.clone()] }),
                }
            }
        }
    }
    // Untagged operations come last, under "default".
    groups.sort_by_key(|g| g.tag == "default");
    Ok(ApiDoc {
        title: text(&info, "title").unwrap_or_default(),
        version: text(&info, "version").unwrap_or_default(),
        description: text(&info, "description"),
        servers,
        groups,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHECKOUT: &str = r#"
openapi: 3.0.3
info:
  title: Checkout API
  version: 2.1.0
servers:
  - url: https://api.acme.example/checkout/v2
paths:
  /carts:
    post:
      tags: [carts]
      summary: Create a cart
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Cart'
      responses:
        '201':
          description: The new cart
  /carts/{cartId}/checkout:
    parameters:
      - { name: cartId, in: path, required: true, schema: { type: string } }
    post:
      tags: [orders]
      summary: Check out a cart
      responses:
        '200':
          description: The order
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Order'
    get:
      responses:
        '200': { description: Status }
components:
  schemas:
    Cart:
      type: object
      required: [items]
      properties:
        items:
          type: array
          items:
            type: object
            properties:
              sku: { type: string }
              quantity: { type: integer, minimum: 1 }
    Order:
      type: object
      properties:
        total: { type: number, format: double }
        currency: { type: string, enum: [EUR, USD] }
"#;

    #[test]
    fn operations_grouped_by_tag_with_resolved_shapes() {
        let root = parse_definition(CHECKOUT).unwrap();
        let doc = read(&root).unwrap();
        assert_eq!((doc.title.as_str(), doc.version.as_str()), ("Checkout API", "2.1.0"));
        assert_eq!(doc.servers, vec!["https://api.acme.example/checkout/v2"]);
        assert_eq!(doc.groups.iter().map(|g| g.tag.as_str()).collect::<Vec<_>>(), vec!["carts", "orders", "default"]);
        let create = &doc.groups[0].operations[0];
        assert_eq!((create.method.as_str(), create.path.as_str()), ("POST", "/carts"));
        assert_eq!(
            details(&root, create).request_body,
            vec![("application/json".to_string(), "object { items*: array<object { sku: string, quantity: integer ≥1 }> }".to_string())]
        );
        let checkout = &doc.groups[1].operations[0];
        assert_eq!(
            details(&root, checkout).parameters[0],
            Parameter { name: "cartId".into(), location: "path".into(), required: true, shape: "string".into(), description: None }
        );
        assert_eq!(details(&root, checkout).responses[0].content[0].1, "object { total: number(double), currency: string [EUR | USD] }");
        assert_eq!(doc.groups[2].operations[0].method, "GET");
    }

    #[test]
    fn json_definitions_and_other_formats() {
        let json = r#"{"openapi":"3.0.3","info":{"title":"P","version":"1"},"paths":{"/p":{"post":{"responses":{"402":{"description":"Declined"}}}}}}"#;
        let root = parse_definition(json).unwrap();
        let doc = read(&root).unwrap();
        assert_eq!(details(&root, &doc.groups[0].operations[0]).responses[0].status, "402");
        let asyncapi = parse_definition("asyncapi: 2.6.0\ninfo: { title: Events }").unwrap();
        assert!(read(&asyncapi).unwrap_err().contains("not OpenAPI 3"));
        assert!(parse_definition("not: [valid").unwrap_err().contains("could not be read"));
    }

    #[test]
    fn recursive_schemas_stop() {
        let doc = r##"{"openapi":"3.0.0","components":{"schemas":{"Node":{"type":"object","properties":{"child":{"$ref":"#/components/schemas/Node"}}}}}}"##;
        let root: Value = serde_json::from_str(doc).unwrap();
        let s = shape(&root, &serde_json::json!({"$ref": "#/components/schemas/Node"}), 0);
        assert!(s.len() < 200 && s.contains("child"), "{s}");
    }
}
