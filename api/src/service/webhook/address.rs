//! Where webhooks may go: public addresses only, unless `--webhook-allow-private-networks`.
//! Checked when an endpoint is registered (its URL) and at every connection (every address
//! its host resolves to), so that a name that later resolves inward is refused too.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use url::{Host, Url};

/// Longest URL an endpoint may have.
pub const MAX_URL_CHARS: usize = 2048;

/// Whether an address is on the public internet: not private, loopback, link-local,
/// unique-local, unspecified, multicast, broadcast, documentation, shared (CGNAT),
/// benchmarking or reserved, in IPv4 or IPv6 (an IPv6 address that embeds an IPv4 one —
/// mapped, compatible, NAT64, 6to4 — is judged by the IPv4 one).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0 // "this network"
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240) // reserved
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    let segments = ip.segments();
    // IPv4-compatible (::a.b.c.d, deprecated) and NAT64 (64:ff9b::/96) embed an IPv4 address.
    if segments[..6] == [0, 0, 0, 0, 0, 0] || segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        let embedded = Ipv4Addr::new(
            (segments[6] >> 8) as u8,
            segments[6] as u8,
            (segments[7] >> 8) as u8,
            segments[7] as u8,
        );
        return !ip.is_unspecified() && !ip.is_loopback() && is_public_v4(embedded);
    }
    // 6to4 (2002::/16) embeds the IPv4 address of its relay.
    if segments[0] == 0x2002 {
        let embedded = Ipv4Addr::new(
            (segments[1] >> 8) as u8,
            segments[1] as u8,
            (segments[2] >> 8) as u8,
            segments[2] as u8,
        );
        return is_public_v4(embedded);
    }
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (segments[0] & 0xfe00) == 0xfc00 // unique local
        || (segments[0] & 0xffc0) == 0xfe80 // link-local
        || (segments[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
        || (segments[0] == 0x2001 && segments[1] == 0x0db8) // documentation
        || (segments[0] == 0x2001 && segments[1] < 0x0200)) // IETF protocol assignments, Teredo
}

/// Checks an endpoint URL; the error is the message for the `url` field.
pub fn check_url(text: &str, allow_private_networks: bool) -> Result<Url, String> {
    let text = text.trim();
    if text.chars().count() > MAX_URL_CHARS {
        return Err(format!("must be at most {MAX_URL_CHARS} characters"));
    }
    let url = Url::parse(text).map_err(|err| format!("not an absolute URL ({err})"))?;
    match url.scheme() {
        "https" => {}
        "http" if allow_private_networks => {}
        "http" => return Err("must be an https:// URL".to_owned()),
        _ => return Err("must be an https:// URL".to_owned()),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("must not carry a user name or password".to_owned());
    }
    let refused = || "must not point at a private, loopback or link-local address".to_owned();
    match url.host() {
        None => return Err("must name a host".to_owned()),
        Some(Host::Ipv4(ip)) if !allow_private_networks && !is_public_v4(ip) => {
            return Err(refused())
        }
        Some(Host::Ipv6(ip)) if !allow_private_networks && !is_public_v6(ip) => {
            return Err(refused())
        }
        Some(Host::Domain(name)) if !allow_private_networks => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            if name == "localhost" || name.ends_with(".localhost") {
                return Err(refused());
            }
        }
        Some(_) => {}
    }
    Ok(url)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn public(text: &str) -> bool {
        is_public(text.parse().unwrap())
    }

    #[test]
    fn inward_addresses_are_not_public() {
        for inward in [
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "127.0.0.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "192.0.2.1",
            "198.18.0.1",
            "240.0.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "2001:db8::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::1",
        ] {
            assert!(!public(inward), "{inward} should not be public");
        }
        for outward in [
            "93.184.216.34",
            "8.8.8.8",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            assert!(public(outward), "{outward} should be public");
        }
    }

    #[test]
    fn urls_must_be_https_to_public_hosts() {
        assert!(check_url("https://hooks.example.com/praxis", false).is_ok());
        for refused in [
            "http://hooks.example.com/",
            "ftp://hooks.example.com/",
            "https://user:pw@hooks.example.com/",
            "https://127.0.0.1/",
            "https://10.0.0.8/",
            "https://[::1]/",
            "https://169.254.169.254/latest",
            "https://localhost/",
            "/relative",
            "not a url",
        ] {
            assert!(check_url(refused, false).is_err(), "{refused}");
        }
        assert!(check_url(&format!("https://a.example/{}", "x".repeat(2048)), false).is_err());
        assert!(check_url("http://127.0.0.1:9000/hook", true).is_ok());
        assert!(check_url("https://user@127.0.0.1/", true).is_err());
    }
}
