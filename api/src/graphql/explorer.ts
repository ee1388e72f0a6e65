import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';

/**
 * A GraphQL explorer that works on a closed network: GraphiQL and React are served from our own
 * node_modules instead of a CDN (Apollo's Sandbox cannot load without internet access).
 */
const require = createRequire(import.meta.url);
const packageFolder = (name: string) => dirname(require.resolve(`${name}/package.json`));

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>USM Studio — GraphQL explorer</title>
    <link rel="stylesheet" href="assets/graphiql.min.css" />
    <style>body { margin: 0; height: 100vh; } #explorer { height: 100vh; }</style>
  </head>
  <body>
    <div id="explorer">Loading the explorer…</div>
    <script src="assets/react.production.min.js"></script>
    <script src="assets/react-dom.production.min.js"></script>
    <script src="assets/graphiql.min.js"></script>
    <script>
      const fetcher = GraphiQL.createFetcher({ url: new URL('../graphql', location.href).toString() });
      ReactDOM.createRoot(document.getElementById('explorer')).render(
        React.createElement(GraphiQL, {
          fetcher,
          defaultQuery: '{\\n  usmReference {\\n    processes { key name activities { position name } }\\n  }\\n}\\n',
        }),
      );
    </script>
  </body>
</html>`;

export function explorerRouter(): Router {
  const router = Router();
  const assets: Record<string, string> = {
    'react.production.min.js': join(packageFolder('react'), 'umd/react.production.min.js'),
    'react-dom.production.min.js': join(packageFolder('react-dom'), 'umd/react-dom.production.min.js'),
    'graphiql.min.js': join(packageFolder('graphiql'), 'graphiql.min.js'),
    'graphiql.min.css': join(packageFolder('graphiql'), 'graphiql.min.css'),
  };
  router.get('/assets/:file', (request, response) => {
    const file = assets[request.params.file];
    if (!file) {
      response.sendStatus(404);
      return;
    }
    // pnpm keeps packages under node_modules/.pnpm: allow that dot-folder in the path.
    response.sendFile(file, { maxAge: '1d', dotfiles: 'allow' });
  });
  router.get('/', (request, response) => {
    // Relative asset URLs need the trailing slash.
    if (!request.originalUrl.endsWith('/')) {
      response.redirect(301, `${request.originalUrl}/`);
      return;
    }
    response.type('html').send(page);
  });
  return router;
}
