/**
 * `paper2net <command> ...` — dispatches to one module per command (src/cli/<command>.ts), each exporting
 * `run(args: string[]): Promise<number>` that returns the process exit code.
 */
const COMMANDS = ['extract', 'figure', 'classify', 'codegen', 'import', 'synth', 'eval'];

interface CommandModule {
  run(args: string[]): Promise<number>;
}

const USAGE = `usage: paper2net <command> [options]
  extract  paper.pdf [--out dir] [--json]              designs found, as graph JSON
  figure   image.png|paper.pdf [--page N] [--bbox x0,y0,x1,y1] [--json]
  classify image.png [--json]
  codegen  graph.json|- --target keras|caffe|pytorch|onnx|all --out dir|x.zip
  import   model.prototxt|model.json|model.onnx         graph JSON on stdout
  synth    --count N --seed S --out dir [--styles ...]
  eval     papers|figures|classify [input=reference ...] [--corpus DIR] [--json] [--out DIR]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || !COMMANDS.includes(command)) {
    process.stderr.write(`${command ? `unknown command "${command}"\n` : ''}${USAGE}\n`);
    return 2;
  }
  let module: CommandModule;
  try {
    module = (await import(`./${command}.ts`)) as CommandModule;
  } catch (error) {
    process.stderr.write(`paper2net ${command}: cannot load the command (${(error as Error).message})\n`);
    return 2;
  }
  try {
    return await module.run(args);
  } catch (error) {
    process.stderr.write(`paper2net ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

export {};
