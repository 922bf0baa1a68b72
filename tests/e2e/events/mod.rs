//! Events, recurrence, attendance and calendar feeds end to end, per docs/CULTURE.md: acme
//! hosts the FEDERATED guild, globex takes part, initech (acme's partner) does not.

mod attendance;
mod calendar;
mod recurrence;
mod world;
