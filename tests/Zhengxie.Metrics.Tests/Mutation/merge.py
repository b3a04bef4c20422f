import json,sys,collections
# usage: python3 merge.py base.json spanrun.json -> per-file table: base counts with base survivors/no-coverage that the span run killed
base=json.load(open(sys.argv[1])); new=json.load(open(sys.argv[2]))
def key(f,m): return (f.split('/src/Zhengxie.Metrics/')[-1], m['mutatorName'], m.get('replacement'), m['location']['start']['line'], m['location']['start']['column'], m['location']['end']['line'], m['location']['end']['column'])
nst={}
for f,d in new['files'].items():
    for m in d['mutants']: nst[key(f,m)]=m['status']
tot=collections.Counter(); rows=[]; retested=0; unmatched=0
for f,d in sorted(base['files'].items()):
    c=collections.Counter()
    for m in d['mutants']:
        s=m['status']
        if s in ('Survived','NoCoverage'):
            k=key(f,m); ns=nst.get(k)
            if ns is None: unmatched+=1
            elif ns in ('Killed','Timeout','Survived','NoCoverage'):
                retested+=1; s=ns
        c[s]+=1
    k_,t,s_,n=c['Killed'],c['Timeout'],c['Survived'],c['NoCoverage']; den=k_+t+s_+n
    tot.update(c)
    if den: rows.append((f.split('Zhengxie.Metrics/')[-1],den,k_,t,s_,n,100*(k_+t)/den))
for r_ in rows: print('| `%s` | %d | %d | %d | %d | %d | %.2f %% |'%r_)
k_,t,s_,n=tot['Killed'],tot['Timeout'],tot['Survived'],tot['NoCoverage']
print('TOTAL', k_+t+s_+n, k_,t,s_,n, '%.2f'%(100*(k_+t)/(k_+t+s_+n)), 'retested',retested,'unmatched',unmatched)
