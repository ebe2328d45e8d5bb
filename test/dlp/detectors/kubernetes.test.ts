import { describe, expect, it } from 'vitest';
import { matches } from '../helpers.js';

const A = 'c3luYy1hZG1pbg==';
const B = 'UzNjcjN0IVBhc3M=';

describe('secret.kubernetes', () => {
  it('finds every value under data: of a Secret, not the keys', () => {
    const yaml = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  username: ${A}\n  password: "${B}"\n`;
    expect(matches('secret.kubernetes', yaml)).toEqual([A, B]);
  });

  it('finds stringData values and block scalars, with data: before kind:', () => {
    const yaml = `apiVersion: v1\nstringData:\n  user: sync-admin\n  config.yaml: |\n    token: abc123\n    region: eu\ndata:\n  pass: ${B}\nkind: Secret\n`;
    expect(matches('secret.kubernetes', yaml)).toEqual(['sync-admin', 'token: abc123', 'region: eu', B]);
  });

  it('finds the data of a Secret written as JSON', () => {
    const json = `{"apiVersion": "v1", "kind": "Secret", "data": {"token": "${A}", "password": "${B}"}}`;
    expect(matches('secret.kubernetes', json)).toEqual([A, B]);
  });

  it('stops at the end of the data block and of the YAML document', () => {
    const yaml = `kind: Secret\ndata:\n  a: ${A}\nmetadata:\n  name: x\n---\nkind: ConfigMap\ndata:\n  b: ${B}\n`;
    expect(matches('secret.kubernetes', yaml)).toEqual([A]);
  });

  it.each([
    ['a ConfigMap', `kind: ConfigMap\ndata:\n  a: ${A}\n`],
    ['a Secret without data', 'kind: Secret\nmetadata:\n  name: x\n'],
    ['templated and empty values', 'kind: Secret\ndata:\n  a: {{ .Values.password | b64enc }}\n  b: ""\n  c: <base64>\n  d: [K8S_SECRET_1]\n'],
    ['a data block far from any kind: Secret', `kind: Secret\n${'# filler line\n'.repeat(400)}data:\n  a: ${A}\n`],
  ])('ignores %s', (_, text) => {
    expect(matches('secret.kubernetes', text)).toEqual([]);
  });
});
