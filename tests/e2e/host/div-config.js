// The host page's configuration for the portal it mounts into #portal-slot.
window.STAGEDOOR_CONFIG = {
  app: { title: 'Acme tools', mountSelector: '#portal-slot' },
  backend: { baseUrl: 'http://127.0.0.1:7007' },
  auth: { providers: ['guest'] },
};
