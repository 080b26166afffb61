/** The Kubernetes inputs of `deploy: kubernetes`, parsed (the OCI ones are parsed beside them). */
export interface K8sOptions {
  readonly namespace: string;
  /** The user's own manifest file (relative to the project), `${image}` replaced. */
  readonly manifest?: string;
  /** The host name a WorkloadDeployment's HTTP interface answers for; undefined: the app URL's. */
  readonly host?: string;
  readonly replicas: number;
  /** SpinApp `variables`, in the order given. */
  readonly variables: readonly { readonly name: string; readonly value: string }[];
  /** Where the app answers (an ingress); undefined: spinwash opens a port-forward. */
  readonly appUrl?: string;
}
