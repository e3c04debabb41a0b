//! The page's storage on this device (localStorage): a text under a key, read back, written or
//! removed. A browser that refuses storage (private mode, blocked) answers nothing and the
//! write says it failed, so the page can tell the user instead of losing edits silently.

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The text stored under `key`, if any.
pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `text` under `key`; false when the browser refused.
pub fn write(key: &str, text: &str) -> bool {
    local_storage().is_some_and(|storage| storage.set_item(key, text).is_ok())
}

/// Removes what is stored under `key`.
pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
