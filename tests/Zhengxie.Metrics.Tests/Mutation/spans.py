import json,sys,collections
# usage: python3 spans.py report.json|survivors.tsv [...] -> --mutate args whose character spans (Stryker.NET TextSpans: a pattern span must
# contain the mutant's span) cover every Survived/NoCoverage mutant of the reports
spans=collections.defaultdict(list)
for rp in sys.argv[1:]:
    if rp.endswith('.tsv'):
        # a survivors list as in docs/mutation/ (file, line, char_start, char_end, ...): offsets already in characters
        for ln in open(rp,encoding='utf-8'):
            if ln.startswith('#') or ln.startswith('file\t'): continue
            c=ln.split('\t'); spans[c[0]].append((max(0,int(c[2])-1),int(c[3])+1))
        continue
    r=json.load(open(rp))
    for f,d in r['files'].items():
        rel=f.split('/src/Zhengxie.Metrics/')[-1]
        src=d['source']; starts=[0]
        for ln in src.splitlines(keepends=True): starts.append(starts[-1]+len(ln))
        def off(p): return starts[p['line']-1]+p['column']-1
        for m in d['mutants']:
            if m['status'] in ('Survived','NoCoverage'):
                a=max(0,off(m['location']['start'])-1); b=min(len(src),off(m['location']['end'])+1)
                spans[rel].append((a,b))
args=[]
for rel,ss in sorted(spans.items()):
    merged=[]
    for a,b in sorted(ss):
        if merged and a<=merged[-1][1]: merged[-1][1]=max(merged[-1][1],b)
        else: merged.append([a,b])
    args.append("--mutate '**/%s%s'"%(rel,''.join('{%d..%d}'%(a,b) for a,b in merged)))
print(' '.join(args))
