#!/usr/bin/env python3
"""Move TypeScript/Svelte modules and rewrite every relative import that names them.

Usage: scripts/move-modules.py OLD=NEW [OLD=NEW ...]   (paths relative to the repo root)
Runs `git mv` for each pair, then rewrites relative specifiers in src/, test/, bench/, scripts/
(static imports, export-from, dynamic import(), vi.mock(), new URL(..., import.meta.url)).
"""
import os, re, subprocess, sys

root = subprocess.check_output(['git', 'rev-parse', '--show-toplevel'], text=True).strip()
os.chdir(root)
moves = {}
for arg in sys.argv[1:]:
    old, new = arg.split('=')
    moves[os.path.normpath(old)] = os.path.normpath(new)

EXTS = ['', '.ts', '.svelte.ts', '.js', '.mjs', '.svelte', '.json', '/index.ts']
def resolve(base_dir, spec):
    p = os.path.normpath(os.path.join(base_dir, spec))
    for e in EXTS:
        if os.path.isfile(p + e):
            return p + e, e
    return None, None

files = []
for top in ['src', 'test', 'bench', 'scripts']:
    for d, _, fs in os.walk(top):
        if 'node_modules' in d: continue
        for f in fs:
            if f.endswith(('.ts', '.svelte', '.mjs', '.js')):
                files.append(os.path.normpath(os.path.join(d, f)))
files += [f for f in ['vite.config.ts'] if os.path.exists(f)]

SPEC = re.compile(r"""((?:from|import|mock|require)\s*\(?\s*|new URL\(\s*)(['"])(\.{1,2}/[^'"]+)\2""")
# Pass 1: resolve every relative specifier against the tree before the move.
plan = {}
for f in files:
    src = open(f, encoding='utf8').read()
    hits = []
    for m in SPEC.finditer(src):
        target, ext = resolve(os.path.dirname(f), m.group(3))
        if target: hits.append((m.start(3), m.end(3), m.group(3), target, ext))
    plan[f] = (src, hits)

for old, new in moves.items():
    os.makedirs(os.path.dirname(new), exist_ok=True)
    subprocess.check_call(['git', 'mv', old, new])

def moved(p):
    return moves.get(p, p)

changed = 0
for f, (src, hits) in plan.items():
    nf = moved(f)
    out, last = [], 0
    for s, e, spec, target, ext in hits:
        nt = moved(target)
        if nt == target and nf == f:
            continue
        rel = os.path.relpath(nt, os.path.dirname(nf))
        if not rel.startswith('.'): rel = './' + rel
        # keep the original spelling of the extension
        if ext and not spec.endswith(ext.lstrip('/')) and rel.endswith(ext):
            rel = rel[: -len(ext)]
        out.append(src[last:s]); out.append(rel); last = e
    if out:
        out.append(src[last:])
        open(nf, 'w', encoding='utf8').write(''.join(out))
        changed += 1
print(f'moved {len(moves)} files, rewrote imports in {changed} files')
