# Per-file table rows (mutants, killed, timeout, survived, no coverage, score) and the total of a Stryker.NET JSON report.
# usage: python3 score.py <mutation-report.json>
import json,sys,collections
r=json.load(open(sys.argv[1]))
tot=collections.Counter()
rows=[]
for f,d in sorted(r['files'].items()):
    c=collections.Counter(m['status'] for m in d['mutants'])
    k,t,s,n=c['Killed'],c['Timeout'],c['Survived'],c['NoCoverage']
    den=k+t+s+n
    tot.update(c)
    if den: rows.append((f.split('Zhengxie.Metrics/')[-1],den,k,t,s,n,100*(k+t)/den))
for r_ in rows: print('| `%s` | %d | %d | %d | %d | %d | %.2f %% |'%r_)
k,t,s,n=tot['Killed'],tot['Timeout'],tot['Survived'],tot['NoCoverage']
print('TOTAL', k+t+s+n, k,t,s,n, '%.2f'%(100*(k+t)/(k+t+s+n)), dict(tot))
