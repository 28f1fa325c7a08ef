#!/usr/bin/env node
// The package's `accompagnement` command (package.json "bin", the image's PATH): the compiled CLI,
// with no TypeScript at run time.
import './main';
