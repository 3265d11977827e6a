/**
 * Runs the CORS lab for a human: starts the three servers and prints the page URL.
 *
 * Usage: npx tsx test/lab/serve.ts [--port <page port>]
 *   With --port P the page is on P and the two APIs on P+1 and P+2 (stable URLs for bookmarks);
 *   without it the OS picks free ports. Stop with Ctrl-C.
 */
import { startLab } from './server';

function requestedPort(argv: readonly string[]): number | undefined {
  const index = argv.indexOf('--port');
  if (index < 0) return undefined;
  const port = Number(argv[index + 1]);
  if (!Number.isInteger(port) || port <= 0 || port > 65533) throw new Error('--port needs a port number');
  return port;
}

async function main(): Promise<void> {
  const port = requestedPort(process.argv.slice(2));
  const lab = await startLab(port === undefined ? {} : { ports: { page: port, apiA: port + 1, apiB: port + 2 } });
  console.log(`CORS lab page: ${lab.pageUrl}`);
  console.log(`  API A ${lab.origins.apiA}, API B ${lab.origins.apiB}, nothing listens on ${lab.origins.dead}`);
  console.log(`  server hit counts: ${lab.pageUrl}__hits`);
  const stop = (): void => {
    lab.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
