import json,sys
# usage: python3 survivors.py report.json [file-substring]
r=json.load(open(sys.argv[1])); flt=sys.argv[2] if len(sys.argv)>2 else ''
for f,d in sorted(r['files'].items()):
    if flt not in f: continue
    lines=d['source'].split('\n')
    for m in sorted(d['mutants'],key=lambda m:m['location']['start']['line']):
        if m['status'] not in ('Survived','NoCoverage'): continue
        l=m['location']['start']['line']
        print(f"{f.split('Zhengxie.Metrics/')[-1]}:{l} [{m['status']}] {m['mutatorName']}: {lines[l-1].strip()[:140]}  =>  {m.get('replacement','')[:100]}")
