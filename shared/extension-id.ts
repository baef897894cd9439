/**
 * The extension's fixed identity, so the native host's allowed origins can be locked to it.
 * Chromium derives the id from the public key in the manifest (first 32 hex digits of
 * sha256(DER), 0-9a-f mapped to a-p). Only the public half is in the repo.
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqZAWbZqAkbru6WSoBsq6MznF0uHk0bGk3U1oLr2G3U+rJHtDGdoSsg4TbA38wvuI4+UDJ2nPnpHnG55LoJ1puhdbY/7/Gf2HCmUxqVQFXUUhBakClpxLNtWFX2g9LlasGkjT8634wCfMLGiHFnQXWXX+BQeMcose9a5evgA4h86i7+5bIcHJjSj0Ll3b9jYlIydMvmRik94YXn1qjjPRv5Qa34CjlBgHIY+hJbccAT6Ho5YkgBQx+yjEFyvqxUK7HduCnkST9ZrLXZg1/5npIJSGDGbD7r6FgrWR50KOnm+8IbZeAiWDW5Z1+7ElzwedIAuaShLwr8Q6QMgLrY0NFQIDAQAB';
export const CHROMIUM_EXTENSION_ID = 'cclcgllhbjbfodecinmicdgcjgnflban';
export const GECKO_EXTENSION_ID = 'nexstream@nexstream.app';
export const CHROMIUM_ORIGIN = `chrome-extension://${CHROMIUM_EXTENSION_ID}/`;
