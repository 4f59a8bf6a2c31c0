#!/usr/bin/env node
import '../dist/plandoc.js';
