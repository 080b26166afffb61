import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import { K8S_INPUTS, parseK8sOptions } from '../../src/deploy/targets/kubernetes/kubernetes.js';

const parse = (inputs: Record<string, string>) =>
  parseK8sOptions((name) => inputs[name] ?? K8S_INPUTS[name]?.default ?? '');

describe('deploy: kubernetes inputs', () => {
  it('reads the defaults and the values given', () => {
    expect(parse({})).toEqual({ namespace: 'default', replicas: 1, variables: [] });
    expect(
      parse({
        'k8s-namespace': 'apps',
        'k8s-manifest': 'k8s/app.yaml',
        'k8s-host': 'hello.example.com',
        replicas: '3',
        variables: 'greeting=hello world\nmode=a=b',
        'app-url': 'https://hello.example.com',
      }),
    ).toEqual({
      namespace: 'apps',
      manifest: 'k8s/app.yaml',
      host: 'hello.example.com',
      replicas: 3,
      variables: [
        { name: 'greeting', value: 'hello world' },
        { name: 'mode', value: 'a=b' },
      ],
      appUrl: 'https://hello.example.com/',
    });
  });

  it.each([
    [
      { 'k8s-namespace': 'Apps_1' },
      'Input `k8s-namespace` has the value "Apps_1"; accepted: a Kubernetes namespace name',
    ],
    [
      { replicas: '0' },
      'Input `replicas` has the value "0"; accepted: a whole number from 1 to 1000',
    ],
    [
      { variables: 'greeting' },
      'Input `variables` has the value "greeting"; accepted: `name=value` pairs',
    ],
    [
      { 'app-url': 'hello.example.com' },
      'Input `app-url` has the value "hello.example.com"; accepted: an http:// or https:// URL',
    ],
    [
      { 'app-url': 'https://u:p@hello.example.com/' },
      'Input `app-url` has the value "(a URL with credentials)"',
    ],
  ])('refuses %j in one line naming the input', (inputs, message) => {
    expect(() => parse(inputs)).toThrow(message);
  });

  it('through the config: the OCI password is a secret from its env variable, never a flag', () => {
    const config = buildConfig(
      {
        deploy: 'kubernetes',
        'oci-reference': '127.0.0.1:5000/demo/app:v1',
        'k8s-namespace': 'apps',
      },
      process.cwd(),
      { SPINWASH_OCI_PASSWORD: 'from-env' },
    );
    expect(config.deploy.target?.name).toBe('kubernetes');
    expect(config.deploy.options).toMatchObject({
      reference: '127.0.0.1:5000/demo/app:v1',
      namespace: 'apps',
    });
    expect(config.deploy.secrets).toEqual({ SPINWASH_OCI_PASSWORD: 'from-env' });
  });
});
