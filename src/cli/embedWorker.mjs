// Worker entry for src/cli/embedPack.ts. Node worker threads do not inherit tsx's loader hooks, so
// this plain-JS shim loads the TypeScript worker through tsx's API (tsx runs the CLI already).
import { tsImport } from 'tsx/esm/api';

await tsImport('./embedWorker.ts', import.meta.url);
