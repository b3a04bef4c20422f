import json,sys,collections
# usage: python3 merge.py base.json span1.json [span2.json ...] [--whole FILE] [--survivors out.tsv]
# -> per-file table: the base report's counts, with each base survivor / uncovered mutant replaced by its status in the
# span runs that re-tested it (a later run wins). --whole FILE (a path ending, e.g. Extraction/ReportExtractor.cs): a file
# whose source changed since the base, taken whole from the last span run (which must mutate all of it).
# --survivors writes every mutant still undetected as a TSV (file, line, character span, status, mutator, original,
# replacement), the format of docs/mutation/ that spans.py reads.
args=sys.argv[1:]; whole=None; out=None; paths=[]
while args:
    a=args.pop(0)
    if a=='--whole': whole=args.pop(0)
    elif a=='--survivors': out=args.pop(0)
    else: paths.append(a)
base=json.load(open(paths[0])); runs=[json.load(open(p)) for p in paths[1:]]
def rel(f): return f.split('/src/Zhengxie.Metrics/')[-1]
def replaced(r): return whole is not None and r.endswith(whole)
def key(f,m): return (rel(f), m['mutatorName'], m.get('replacement'), m['location']['start']['line'], m['location']['start']['column'], m['location']['end']['line'], m['location']['end']['column'])
nst={}
for r in runs:
    for f,d in r['files'].items():
        for m in d['mutants']:
            if m['status'] in ('Killed','Timeout','Survived','NoCoverage'): nst[key(f,m)]=m['status']
files={rel(f):(f,d) for f,d in base['files'].items()}
if runs:
    for f,d in runs[-1]['files'].items():
        if replaced(rel(f)): files[rel(f)]=(f,d)
tot=collections.Counter(); rows=[]; retested=0; unmatched=0; left=[]
for r_ in sorted(files):
    f,d=files[r_]; c=collections.Counter()
    for m in d['mutants']:
        s=m['status']
        if s in ('Survived','NoCoverage') and not replaced(r_):
            ns=nst.get(key(f,m))
            if ns is None: unmatched+=1
            else: retested+=1; s=ns
        c[s]+=1
        if s in ('Survived','NoCoverage'): left.append((r_,m,s,d['source']))
    k_,t,s_,n=c['Killed'],c['Timeout'],c['Survived'],c['NoCoverage']; den=k_+t+s_+n
    tot.update(c)
    if den: rows.append((r_,den,k_,t,s_,n,100*(k_+t)/den))
for r_ in rows: print('| `%s` | %d | %d | %d | %d | %d | %.2f %% |'%r_)
k_,t,s_,n=tot['Killed'],tot['Timeout'],tot['Survived'],tot['NoCoverage']
print('| **total** | **%d** | **%d** | **%d** | **%d** | **%d** | **%.2f %%** |'%(k_+t+s_+n,k_,t,s_,n,100*(k_+t)/(k_+t+s_+n)))
print('retested',retested,'unmatched',unmatched)
if out:
    with open(out,'w',encoding='utf-8') as w:
        w.write('file\tline\tchar_start\tchar_end\tstatus\tmutator\toriginal\treplacement\n')
        for r_,m,s,src in left:
            starts=[0]
            for ln in src.splitlines(keepends=True): starts.append(starts[-1]+len(ln))
            a=starts[m['location']['start']['line']-1]+m['location']['start']['column']-1
            b=starts[m['location']['end']['line']-1]+m['location']['end']['column']-1
            orig=' '.join(src[a:b].split())[:100]; rep=' '.join((m.get('replacement') or '').split())[:100]
            w.write('%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\n'%(r_,m['location']['start']['line'],a,b,s,m['mutatorName'],orig,rep))
