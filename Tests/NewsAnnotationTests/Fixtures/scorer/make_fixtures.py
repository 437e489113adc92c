# Writes the scorer fixtures (gold and predicted JSONL). Expected outputs: see README.md.
import json, os
OUT=os.path.dirname(os.path.abspath(__file__))
os.makedirs(OUT, exist_ok=True)
def ent(s,e,t,text,name=None): return {"start":s,"end":e,"text":text,"type":t,"name":name if name is not None else text}
def q(s,e,kind,name,text=None): return {"start":s,"end":e,"text":"x"*(e-s) if e-s<40 else "x","kind":kind,"speaker":{"text":text if text is not None else name,"name":name}}
def write(name, lines):
    with open(os.path.join(OUT,name),"w",encoding="utf-8") as f:
        for l in lines: f.write((l if isinstance(l,str) else json.dumps(l,ensure_ascii=False))+"\n")

alpha={"id":"alpha","entities":[ent(0,12,"PERSON","Ilham Aliyev"),ent(20,26,"PLACE","Russia"),ent(30,35,"PERSON","Putin","Vladimir Putin"),
  ent(40,43,"ORG","CIS","Commonwealth of Independent States"),ent(50,56,"PERSON","Aliyev","Ilham Aliyev"),ent(60,70,"PLACE","Azerbaijan"),
  ent(80,86,"PERSON","Leader","Vladimir Putin"),ent(90,96,"PERSON","Leader","Ilham Aliyev")],
 "quotes":[q(100,200,"direct","Ilham Aliyev","Aliyev"),q(210,300,"block","Vladimir Putin","Putin"),q(310,400,"turn",None,"he"),
  q(410,500,"indirect","Commonwealth of Independent States","CIS"),q(510,600,"indirect","Leader"),q(610,700,"direct","Russia")]}
seven={"id":"7","entities":[ent(0,4,"ORG","UEFA","Union of European Football Associations"),ent(10,23,"PERSON","José Mourinho"),
  ent(30,36,"PLACE","Lisbon"),ent(40,44,"ORG","Roma","AS Roma")],
 "quotes":[q(100,150,"direct","José Mourinho","Mourinho"),q(200,260,"indirect","Union of European Football Associations","UEFA"),
  q(300,340,"direct","AS Roma","the club")]}
gamma={"id":"gamma","entities":[ent(0,13,"PERSON","Thomas Müller"),ent(20,24,"PERSON","Groß","Karl Groß"),ent(40,48,"ORG","İş Bank","İş Bankası"),
  ent(50,60,"PLACE","München","Munich")],
 "quotes":[q(100,200,"direct","Thomas Müller","Müller"),q(300,400,"direct","Karl Groß","Groß"),q(500,600,"turn","İş Bankası","the bank"),
  q(700,800,"indirect","Thomas Müller","he")]}
delta={"id":"delta","entities":[ent(0,5,"PLACE","Kenya"),ent(10,15,"ORG","WHO","World Health Organization")]}
write("gold.jsonl",[alpha,seven,gamma,delta])

# perturbed predictions
pa={"id":"alpha","entities":[ent(0,12,"PERSON","Ilham Aliyev"),ent(20,27,"PLACE","Russia,"),ent(30,35,"ORG","Putin"),
  ent(40,43,"ORG","CIS"),ent(50,56,"PERSON","Aliyev"),ent(60,70,"GPE","Azerbaijan"),ent(80,86,"PERSON","Leader"),ent(80,86,"PERSON","Leader"),
  ent(150,160,"PERSON","Nobody")],
 "quotes":[q(100,200,"turn","ilham  ALIYEV"),            # kind differs inside main, case + spaces
  q(210,290,"direct","Leader"),                          # alias: mention text with two canonical names, one agrees
  q(310,400,"block",None,"he"),                          # null vs null: right
  q(410,500,"indirect",None,"cis"),                      # alias via text when name is null
  q(510,600,"indirect","Vladimir Putin"),                # gold "Leader" maps to its smallest canonical name: wrong
  q(610,700,"indirect","Russia"),                        # gold direct vs predicted indirect: no match across buckets
  q(700,760,"direct","Someone")]}                        # unmatched
pa_old={"id":"alpha","entities":[],"quotes":[]}          # an earlier line for alpha: replaced by the later one
p7={"id":"7","entities":[ent(0,4,"ORG","UEFA"),ent(10,23,"PERSON","Jose\u0301 Mourinho"),ent(30,36,"PLACE","Lisbon"),ent(38,44,"ORG","AS Roma")],
 "quotes":[q(100,150,"direct","jose\u0301 mourinho"),     # decomposed accent, lower case: NFC + casefold agree
  q(200,260,"indirect","uefa"),                          # mention text of the gold entity
  q(300,340,"other","as\u00a0roma")]}                      # unknown kind is main; NBSP is whitespace
pg={"id":"gamma","entities":[ent(0,13,"PERSON","Thomas Mu\u0308ller"),ent(20,24,"PLACE","Groß"),ent(40,48,"ORG","İş Bank"),ent(50,60,"PLACE","München")],
 "quotes":[q(100,200,"direct","THOMAS MÜLLER"),
  q(300,400,"direct","KARL GROSS"),                      # casefold: ß -> ss
  q(500,600,"turn","İŞ BANKASI"),                        # I folds to i, not ı: wrong
  q(700,800,"indirect",None,"he")]}                      # gold names Müller: wrong
write("pred-perturbed.jsonl",["",pa_old,"   ",[1,2,3],{"no_id":True},pa,p7,pg,{"id":"not-in-gold","entities":[ent(0,5,"PERSON","X")]},"\t"])

# missing docs and error records
write("pred-missing-errors.jsonl",[
  {"id":"alpha","error":"timeout","entities":alpha["entities"],"quotes":alpha["quotes"]},   # error: all misses
  {"id":"7","error":None,"entities":seven["entities"],"quotes":seven["quotes"]},               # null error: scored
  {"id":"delta","error":"","entities":delta["entities"]},                                    # empty-string error is not None: all misses
])                                                                                           # gamma missing

# malformed spans
write("pred-malformed.jsonl",[
 {"id":"alpha","entities":[{"start":"0","end":12,"type":"PERSON"},{"start":True,"end":12,"type":"PERSON"},{"start":20,"end":20,"type":"PLACE"},
    {"start":30,"end":29,"type":"PERSON"},{"start":40.0,"end":43,"type":"ORG"},{"start":50,"type":"PERSON"},{"start":0,"end":True,"type":"PERSON"},
    {"start":60,"end":70.0,"type":"PLACE"},"not an object",None,{"start":-5,"end":0,"type":"PLACE"},{"start":0,"end":12,"type":"PERSON"},
    {"start":20,"end":26},{"start":1e1,"end":26,"type":"PLACE"}],
  "quotes":[{"start":100,"end":200,"kind":"direct"},{"start":210,"end":300,"kind":"block","speaker":"Vladimir Putin"},
    {"start":310,"end":400,"kind":"turn","speaker":{"name":"   ","text":"\t"}},{"start":410,"end":False,"kind":"indirect"},
    {"start":510,"end":600,"speaker":{"name":5,"text":"Leader"}}]},
 {"id":"7","entities":{"start":0,"end":4,"type":"ORG"},"quotes":"none"},
 {"id":"gamma","entities":[{"start":0,"end":13,"type":None}],"quotes":[{"start":100,"end":200,"kind":None,"speaker":{"text":"Müller","name":None}}]},
 {"id":"delta","entities":[{"start":0,"end":5,"type":"PLACE"},{"start":0,"end":5,"type":"PLACE"},{"start":10,"end":15,"type":"ORG","name":"WHO"}],"quotes":None},
])
write("pred-empty.jsonl",[])

# rounding: figures that are exact binary ties at the printed precision
rg={"id":"r1","entities":[ent(0,3,"ORG","ABC")]+[ent(10+10*i,15+10*i,"PERSON","P%d"%i) for i in range(16)]+[ent(500+10*i,505+10*i,"PLACE","L%d"%i) for i in range(32)],
   "quotes":[q(1000+200*i,1100+200*i,"direct","P%d"%i) for i in range(8)]+[q(5000+200*i,5100+200*i,"indirect","P%d"%(i%16)) for i in range(16)]}
rp={"id":"r1","entities":[ent(0,3,"ORG","ABC")]+[ent(2000+10*i,2003+10*i,"ORG","O%d"%i) for i in range(15)]
   +[ent(10+10*i,15+10*i,"PERSON","P%d"%i) for i in range(5)]+[ent(500,505,"PLACE","L0")],
   "quotes":[q(1000+200*i,1100+200*i,"direct","P0") for i in range(8)]+[q(5000+200*i,5100+200*i,"indirect","P%d"%(i%16)) for i in range(9)]}
write("gold-rounding.jsonl",[rg]); write("pred-rounding.jsonl",[rp])

# ties in greedy matching: list order decides
tg=[{"id":"t1","entities":[ent(0,10,"PERSON","A"),ent(0,5,"PERSON","B")],"quotes":[q(0,100,"direct","Anna Smith"),q(0,100,"direct","Bob Jones")]},
    {"id":"t2","entities":[ent(0,5,"PERSON","B"),ent(0,10,"PERSON","A")],"quotes":[q(0,100,"direct","Anna Smith"),q(300,400,"indirect","Bob Jones")]},
    {"id":"t3","entities":[],"quotes":[q(0,100,"direct","Anna Smith"),q(200,300,"direct","Bob Jones")]}]
tp=[{"id":"t1","entities":[ent(0,5,"PERSON","B"),ent(5,10,"PERSON","A2")],"quotes":[q(0,100,"direct","Bob Jones")]},
    {"id":"t2","entities":[ent(0,5,"PERSON","B"),ent(5,10,"PERSON","A2")],"quotes":[q(0,100,"direct","Bob Jones"),q(0,100,"direct","Anna Smith"),q(300,400,"indirect","Bob Jones")]},
    {"id":"t3","entities":[],"quotes":[q(0,50,"direct","Anna Smith"),q(200,249,"direct","Bob Jones")]}]   # Jaccard exactly 0.5 matches; 0.49 does not
write("gold-ties.jsonl",tg); write("pred-ties.jsonl",tp)

# numeric ids: Python equality (1 == 1.0 == true), numeric sort order, later duplicate lines replace earlier ones
ng=[{"id":10,"entities":[ent(0,5,"PLACE","Paris")]},{"id":2,"entities":[ent(0,5,"PLACE","Rome")]},{"id":2,"entities":[ent(0,6,"PLACE","Berlin")]},
    {"id":1.5,"entities":[ent(0,4,"ORG","NATO")]},{"id":1,"entities":[ent(0,4,"PERSON","Lula")]},{"id":-3,"entities":[ent(0,3,"ORG","BBC")]}]
npred=[{"id":True,"entities":[ent(0,4,"PERSON","Lula")]},{"id":2.0,"entities":[ent(0,6,"PLACE","Berlin")]},{"id":"1.5","entities":[ent(0,4,"ORG","NATO")]},
    {"id":10,"entities":[ent(0,5,"PLACE","Paris")]},{"id":10,"error":"crashed"}]
write("gold-numeric-ids.jsonl",ng); write("pred-numeric-ids.jsonl",npred)

# Universal newlines: this prediction file uses CRLF line ends.
p = os.path.join(OUT, "pred-missing-errors.jsonl")
with open(p, "rb") as f:
    b = f.read()
with open(p, "wb") as f:
    f.write(b.replace(b"\n", b"\r\n"))
