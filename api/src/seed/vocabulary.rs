//! The words generated text is made of: real engineering and operations vocabulary plus
//! internal system code names, drawn with Zipf-like frequencies so that a common word matches
//! most documents and a rare one a few hundred.

use rand::{rngs::StdRng, seq::SliceRandom, Rng};

/// Content words. Function words are kept apart (`FILLER`): PostgreSQL drops them as stop
/// words, so the workload never searches for them.
const WORDS: &str = "
deploy deployment release rollout rollback pipeline build compile artifact container image
registry cluster node pod service mesh ingress gateway proxy balancer load traffic latency
throughput bandwidth capacity scaling autoscaling replica shard partition index query database
schema migration transaction lock deadlock contention queue broker consumer producer topic
stream event message payload batch job scheduler cron worker thread process memory heap stack
garbage collector leak allocation buffer cache eviction invalidation ttl session cookie token
authentication authorization identity certificate encryption key secret vault rotation audit
compliance policy governance risk control incident outage postmortem alert alarm monitoring
observability metric dashboard trace span log logging retention storage disk volume snapshot
backup restore recovery failover redundancy availability reliability resilience timeout retry
backoff circuit breaker throttling quota limit rate concurrency parallelism async sync blocking
network firewall subnet routing dns certificate tls handshake socket connection pool timeout
api endpoint contract versioning compatibility deprecation client server request response
header status error exception failure fault defect bug regression flaky test coverage unit
integration acceptance performance benchmark profiling flamegraph hotspot bottleneck optimization
refactoring debt legacy monolith microservice modular architecture design pattern interface
abstraction dependency library framework package module plugin extension configuration
environment staging production sandbox provisioning infrastructure terraform ansible kubernetes
docker helm operator controller reconciliation drift state desired declarative imperative
script automation orchestration workflow approval review merge branch commit repository
conflict rebase tag changelog documentation runbook playbook onboarding handover knowledge
training mentoring coaching community practice expertise skill competence lesson learned
retrospective kaizen lean sigma variation defect yield scrap rework throughput takt cycle
bottleneck kanban backlog sprint iteration roadmap milestone estimate forecast budget cost
procurement supplier vendor contract tender sourcing logistics inventory warehouse shipment
freight carrier pallet forklift conveyor packaging labeling barcode traceability batch lot
serial calibration tolerance measurement gauge sensor actuator valve pump compressor motor
bearing gearbox shaft coupling vibration temperature pressure humidity flow viscosity torque
welding machining milling turning grinding casting forging molding extrusion stamping assembly
fixture jig tooling maintenance preventive predictive corrective downtime uptime breakdown
lubrication corrosion fatigue crack wear inspection ultrasonic radiography hardness tensile
material alloy polymer composite ceramic coating adhesive sealant gasket fastener bolt torque
plc scada hmi firmware embedded microcontroller fpga circuit board soldering component resistor
capacitor transformer inverter battery charger voltage current power grid substation turbine
generator solar wind hydrogen emission carbon footprint energy efficiency heat exchanger boiler
chiller ventilation hvac insulation building facility safety hazard permit lockout tagout
ergonomics injury nearmiss ppe helmet harness scaffold confined space fire evacuation drill
chemical spill waste recycling environmental sustainability water wastewater effluent sludge
laboratory sample analysis spectrometer chromatography assay reagent protocol validation
qualification verification specification requirement traceability matrix change request
deviation capa root cause fishbone pareto histogram control chart capability cpk measurement
audit finding nonconformity certification iso standard regulation directive guideline template
checklist procedure instruction form record signature approval workflow escalation ticket
helpdesk support customer complaint warranty return repair spare part replacement upgrade
migration cutover decommission sunset retirement lifecycle portfolio product feature release
customer feedback survey interview persona journey usability accessibility prototype mockup
wireframe design system component token typography color layout responsive mobile desktop
browser frontend backend fullstack javascript typescript python rust java golang kotlin swift
compiler interpreter runtime virtual machine bytecode wasm webassembly linker loader binary
serialization json yaml protobuf grpc graphql rest websocket webhook polling subscription
notification email sms push inbox digest template localization translation timezone calendar
search ranking relevance tokenizer stemming synonym autocomplete suggestion facet filter
pagination cursor offset sorting aggregation report analytics warehouse lakehouse etl elt
ingestion transformation lineage catalog metadata quality validation anomaly outlier drift
model training inference feature embedding vector classifier regression forecasting clustering
labeling annotation dataset notebook experiment hyperparameter evaluation accuracy precision
recall bias fairness explainability privacy anonymization pseudonymization consent retention
gdpr breach disclosure vulnerability patch exploit scanner penetration phishing malware
ransomware endpoint detection response siem soc threat intelligence honeypot sandboxing
segmentation zerotrust mfa sso oauth saml ldap directory provisioning deprovisioning role
permission entitlement access review privilege escalation segregation duties approval
finance invoice payment ledger reconciliation accrual forecast variance margin revenue
pricing discount quotation order fulfillment billing subscription churn retention renewal
sales pipeline lead opportunity account territory quota commission marketing campaign
brand content social channel partner reseller distributor franchise region country market
strategy vision mission objective okr kpi target baseline benchmark maturity assessment
capability gap initiative program project portfolio stakeholder sponsor steering committee
decision governance charter escalation risk issue dependency assumption constraint scope
schedule resource allocation utilization headcount hiring recruitment interview onboarding
offboarding performance appraisal feedback promotion compensation benefit wellbeing burnout
remote hybrid office collaboration meeting workshop facilitation brainstorming ideation
hackathon innovation experiment pilot rollout adoption change management communication
newsletter intranet wiki forum question answer thread reply vote endorsement reputation
expert champion ambassador steward moderator curator contributor maintainer reviewer owner
shift handover operator technician engineer supervisor planner scheduler dispatcher driver
fleet vehicle route delivery tracking telematics gps eta dock yard trailer container port
customs tariff import export compliance sanction screening embargo certificate origin
hospital patient clinic device sterilization pharmacy dosage trial regulatory submission
bank branch atm card fraud chargeback aml kyc onboarding credit loan mortgage underwriting
insurance claim policyholder premium actuarial reinsurance broker adjuster settlement
retail store shelf planogram pos checkout basket promotion loyalty markdown assortment
restaurant kitchen recipe allergen hygiene haccp cold chain freezer spoilage shelf life
agriculture irrigation harvest yield fertilizer pesticide greenhouse livestock feed soil
mining drilling blasting haulage crusher ore tailings ventilation geology survey lidar
construction concrete rebar formwork crane excavation foundation bim drawing tender site
aerospace avionics airframe engine nacelle fuselage wing landing gear certification airworthiness
automotive chassis powertrain drivetrain transmission brake suspension steering ecu canbus
telecom antenna spectrum base station backhaul fiber copper router switch modem latency jitter
satellite orbit ground station telemetry uplink downlink payload launch constellation
railway signalling interlocking track rolling stock timetable platform depot catenary
shipping vessel hull ballast mooring berth crane stevedore container terminal draft
utility meter smart grid outage restoration feeder transformer substation demand response
oil gas pipeline refinery upstream downstream wellhead separator flare compressor offshore
pharma batch record gmp cleanroom contamination particle airlock gowning sterile filling
semiconductor wafer lithography etching deposition yield die packaging probe fab cleanroom
textile yarn weaving dyeing stitching garment pattern cutting sewing finishing
paper pulp mill recycling printing press ink substrate coating laminate corrugated
glass furnace float tempering annealing cutting edging coating insulated
plastic resin pellet injection blow film extrusion regrind additive colorant
steel furnace ladle caster rolling annealing galvanizing pickling coil slab billet
robot cobot gripper vision camera inspection picking palletizing welding painting
digital twin simulation model physics scenario calibration synchronization realtime
edge gateway iot sensor telemetry ingestion protocol mqtt opcua modbus profinet ethernet
wireless bluetooth zigbee lora cellular roaming coverage interference attenuation
prediction maintenance condition monitoring vibration thermography acoustic oil analysis
spare stock reorder safety minimum maximum consignment obsolescence criticality ranking
handbook glossary taxonomy ontology vocabulary tagging classification archive search
";

/// Function words mixed into sentences; never searched for.
const FILLER: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "when", "after",
    "before", "our", "we", "it", "is", "are", "was", "this", "that", "from", "by", "at", "not",
    "but", "so", "then", "again", "still", "only", "every", "some", "most", "other",
];

const ONSETS: &[&str] = &[
    "b", "br", "c", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "pr", "qu",
    "r", "s", "st", "t", "tr", "v", "z", "x",
];
const NUCLEI: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou", "y"];
const CODAS: &[&str] = &["", "n", "r", "s", "x", "l", "m", "nt", "rk", "th"];

/// Words ranked by frequency (index 0 the most frequent), with a Zipf sampler over ranks.
pub struct Vocabulary {
    pub words: Vec<String>,
    cumulative: Vec<f64>,
}

/// Code names of internal systems and products: invented, so each is its own rare term.
fn code_name(rng: &mut StdRng) -> String {
    let syllables = rng.random_range(2..=3);
    let mut name = String::new();
    for _ in 0..syllables {
        name.push_str(ONSETS[rng.random_range(0..ONSETS.len())]);
        name.push_str(NUCLEI[rng.random_range(0..NUCLEI.len())]);
    }
    name.push_str(CODAS[rng.random_range(0..CODAS.len())]);
    name
}

impl Vocabulary {
    /// The real words in a random frequency order, then code names up to `size` words, with
    /// Zipf exponent `exponent`.
    pub fn generate(rng: &mut StdRng, size: usize, exponent: f64) -> Self {
        let mut seen = std::collections::HashSet::new();
        let mut words: Vec<String> = WORDS
            .split_whitespace()
            .filter(|w| seen.insert(w.to_string()))
            .map(str::to_owned)
            .collect();
        // Real words take the frequent ranks, code names the rare ones.
        words.shuffle(rng);
        let mut names = Vec::new();
        while words.len() + names.len() < size {
            let name = code_name(rng);
            if seen.insert(name.clone()) {
                names.push(name);
            }
        }
        words.extend(names);
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(exponent);
                total
            })
            .collect();
        Self { words, cumulative }
    }

    /// A rank drawn with Zipf frequencies.
    pub fn rank(&self, rng: &mut StdRng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.random::<f64>() * total;
        self.cumulative
            .partition_point(|c| *c < x)
            .min(self.words.len() - 1)
    }

    pub fn word(&self, rng: &mut StdRng) -> &str {
        &self.words[self.rank(rng)]
    }

    /// A title of `min..=max` content words, capitalized.
    pub fn title(&self, rng: &mut StdRng, min: usize, max: usize) -> String {
        let count = rng.random_range(min..=max);
        let words: Vec<&str> = (0..count).map(|_| self.word(rng)).collect();
        capitalize(&words.join(" "))
    }

    /// Sentences of `min..=max` words in all, about one in four a function word.
    pub fn body(&self, rng: &mut StdRng, min: usize, max: usize) -> String {
        let count = rng.random_range(min..=max);
        let mut body = String::new();
        let mut sentence: Vec<&str> = Vec::new();
        let mut length = rng.random_range(6..=16);
        for _ in 0..count {
            let word = if rng.random_bool(0.25) {
                FILLER[rng.random_range(0..FILLER.len())]
            } else {
                self.word(rng)
            };
            sentence.push(word);
            if sentence.len() >= length {
                push_sentence(&mut body, &sentence);
                sentence.clear();
                length = rng.random_range(6..=16);
            }
        }
        if !sentence.is_empty() {
            push_sentence(&mut body, &sentence);
        }
        body
    }
}

fn push_sentence(body: &mut String, words: &[&str]) {
    if !body.is_empty() {
        body.push(' ');
    }
    body.push_str(&capitalize(&words.join(" ")));
    body.push('.');
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Tags (slugs), most frequent first.
pub const TAGS: &[&str] = &[
    "reliability",
    "ci-cd",
    "kubernetes",
    "security",
    "lean",
    "quality",
    "safety",
    "data",
    "observability",
    "cost",
    "supply-chain",
    "maintenance",
    "automation",
    "onboarding",
    "performance",
    "compliance",
    "cloud",
    "testing",
    "architecture",
    "sustainability",
    "energy",
    "iot",
    "ml",
    "analytics",
    "frontend",
    "backend",
    "databases",
    "networking",
    "incident-response",
    "six-sigma",
    "kaizen",
    "procurement",
    "logistics",
    "finance",
    "hr",
    "legal",
    "privacy",
    "accessibility",
    "ux",
    "mobile",
    "embedded",
    "robotics",
    "plc",
    "scada",
    "digital-twin",
    "predictive-maintenance",
    "welding",
    "machining",
    "coatings",
    "calibration",
    "gmp",
    "audits",
    "iso-9001",
    "iso-27001",
    "gdpr",
    "sre",
    "devops",
    "platform",
    "api-design",
    "graphql",
    "rust",
    "python",
    "java",
    "typescript",
];

/// Up to `max` distinct tags, frequent ones more often.
pub fn tags(rng: &mut StdRng, max: usize) -> Vec<String> {
    let count = rng.random_range(0..=max);
    let mut picked: Vec<String> = Vec::new();
    for _ in 0..count {
        // Squaring a uniform draw favours the head of the list.
        let x: f64 = rng.random();
        let index = ((x * x) * TAGS.len() as f64) as usize;
        let tag = TAGS[index.min(TAGS.len() - 1)].to_owned();
        if !picked.contains(&tag) {
            picked.push(tag);
        }
    }
    picked
}
