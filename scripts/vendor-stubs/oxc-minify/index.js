// jco-transpile imports oxc-minify (a native addon) at load time but only calls it with
// `minify: true`, which spinwash never sets. This stub keeps dist/ free of native binaries.
export function minify() {
  throw new Error('spinwash does not bundle oxc-minify: transpile without `minify`');
}
