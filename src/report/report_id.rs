//! The short report id ("7K3Q-92XF"): derived from the report's content, so a seller can read
//! it out on the phone and support can match it to the file (and see if the file was edited).

/// Crockford base32: no I, L, O, U — easy to read aloud.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// FNV-1a, 64 bit.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// 40 bits of the content hash as "XXXX-XXXX".
pub fn from_content(bytes: &[u8]) -> String {
    let h = fnv1a(bytes) >> 24;
    let chars: Vec<char> = (0..8)
        .rev()
        .map(|i| ALPHABET[((h >> (i * 5)) & 31) as usize] as char)
        .collect();
    let s: String = chars.into_iter().collect();
    format!("{}-{}", &s[..4], &s[4..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_stable_and_content_dependent() {
        let a = from_content(b"report one");
        assert_eq!(a, from_content(b"report one"));
        assert_ne!(a, from_content(b"report two"));
        assert_eq!(a.len(), 9);
        assert_eq!(&a[4..5], "-");
        assert!(a.chars().all(|c| c == '-' || ALPHABET.contains(&(c as u8))));
    }
}
