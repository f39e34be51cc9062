#!/usr/bin/env node
// Package bin: runs the TypeScript CLI through tsx so `k8s-kb` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
