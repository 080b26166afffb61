// bottleneck ships types for its main entry only; light.js (what the throttling plugin
// itself loads, without the Redis clustering code) has the same API.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
