import type { ComponentReport, Report } from '../../src/report/model.js';

/** Hand-built reports for the renderer and comparison tests (figures chosen, not measured). */

export function component(
  name: string,
  finalBytes: number,
  extra: Partial<ComponentReport> = {},
): ComponentReport {
  const release = finalBytes * 4 + 321;
  return {
    name,
    wasm: `target/wasm32-wasip1/release/${name.replace(/-/g, '_')}.wasm`,
    binaryKind: 'module',
    stages: [
      {
        stage: 'release',
        bytes: release,
        gzipBytes: Math.round(release * 0.4),
        brotliBytes: Math.round(release * 0.33),
      },
      {
        stage: 'stripped',
        bytes: finalBytes,
        gzipBytes: Math.round(finalBytes * 0.45),
        brotliBytes: Math.round(finalBytes * 0.38),
      },
    ],
    final: {
      bytes: finalBytes,
      gzipBytes: Math.round(finalBytes * 0.45),
      brotliBytes: Math.round(finalBytes * 0.38),
    },
    sections: [
      { name: 'code', bytes: Math.round(finalBytes * 0.7) },
      { name: 'data', bytes: Math.round(finalBytes * 0.2) },
      {
        name: 'component-type:wit-bindgen:0.30.0:wasi:http@0.2.0:proxy:encoded world',
        bytes: Math.round(finalBytes * 0.05),
      },
      { name: 'type', bytes: Math.round(finalBytes * 0.03) },
    ],
    ...extra,
  };
}

export function report(components: ComponentReport[], extra: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'spinwash', version: '0.1.0' },
    project: { kind: 'cargo', path: 'examples/hello-rust' },
    components,
    build: { seconds: 31.42 },
    optimize: { seconds: 0.412, wasmOpt: false },
    deploy: {
      target: 'local',
      url: 'http://127.0.0.1:40123/',
      status: 200,
      readySeconds: 0.734,
      firstResponseSeconds: 0.0123,
    },
    ...extra,
  };
}
