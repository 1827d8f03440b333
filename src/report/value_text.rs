//! Measured values and thresholds as short human text ("12.3", "a, b", "host: x, failures: 0").

use serde_json::{Map, Value};

/// One value as text; objects inside arrays are joined with "; ".
pub fn value(v: &Value) -> String {
    match v {
        Value::Null => "—".to_string(),
        Value::Bool(b) => {
            if *b {
                "true".into()
            } else {
                "false".into()
            }
        }
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.is_empty() => "—".to_string(),
        Value::Array(items) => {
            let sep = if items.iter().any(Value::is_object) {
                "; "
            } else {
                ", "
            };
            items.iter().map(value).collect::<Vec<_>>().join(sep)
        }
        Value::Object(map) => map
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| format!("{k}: {}", value(v)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// (key, text) pairs of a measured/threshold map.
pub fn pairs(map: &Map<String, Value>) -> Vec<(String, String)> {
    map.iter().map(|(k, v)| (k.clone(), value(v))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_nested_values() {
        assert_eq!(value(&json!(12.5)), "12.5");
        assert_eq!(value(&json!(["a", "b"])), "a, b");
        assert_eq!(value(&json!([])), "—");
        assert_eq!(
            value(&json!([{"name": "Firefox", "v": 115}, {"name": "X", "z": null}])),
            "name: Firefox, v: 115; name: X"
        );
    }
}
