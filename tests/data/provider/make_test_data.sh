#!/bin/sh
# Makes the provider tests' keys and the OpenSSL-made figures in openssl_data.txt: keys
# (RSA 2048 and 1024, EC P-256 and P-384, Ed25519), signatures made by OpenSSL over a fixed
# message, an RSA PKCS#1 v1.5 ciphertext, and key agreements derived by OpenSSL (X25519, ECDH,
# FFDHE, including an FFDHE exchange whose shared secret starts with a zero byte).
#
# The provider tests check tlspp against these figures: deterministic signatures (PKCS#1 v1.5,
# Ed25519) must come out byte for byte, randomised ones (PSS, ECDSA) must verify, and the
# shared secrets must be equal. Run from anywhere; needs the openssl 3 command-line tool.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

out=openssl_data.txt
msg_text="tlspp provider test message"
printf '%s' "$msg_text" > "$work/msg"

hexof() { xxd -p "$1" | tr -d '\n'; }

# The colon-separated hex block under "LABEL:" in `openssl pkey -text`.
block() {
  openssl pkey -in "$1" -text -noout | awk -v l="$2:" '
    $0 == l { on = 1; next }
    on && /^ / { gsub(/[ :]/, ""); printf "%s", $0; next }
    on { exit }'
}

# HEX without leading zero bytes, left-padded with zeros to BYTES bytes.
pad() {
  printf '%s' "$1" | awk -v n="$2" '{
    s = $0; while (length(s) > 2 && substr(s, 1, 2) == "00") s = substr(s, 3)
    while (length(s) < 2 * n) s = "0" s
    print s }'
}

# The INTEGERs of an RSA private key, in RSAPrivateKey order.
rsa_ints() {
  openssl rsa -in "$1" -traditional -outform DER 2>/dev/null |
    openssl asn1parse -inform DER | awk -F: '/INTEGER/ { print $NF }'
}

[ -f rsa2048.pem ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa2048.pem
[ -f rsa1024.pem ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out rsa1024.pem
[ -f p256.pem ] || openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out p256.pem
[ -f p384.pem ] || openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out p384.pem
[ -f ed25519.pem ] || openssl genpkey -algorithm ED25519 -out ed25519.pem

{
  echo "# source: made by tests/data/provider/make_test_data.sh with $(openssl version | cut -d' ' -f1-2) (random keys and OpenSSL's own signatures, ciphertexts and shared secrets; not published figures)"
  echo "# Message = \"$msg_text\""
  echo

  echo "[RSA-Private-Key]"
  for name in rsa2048 rsa1024; do
    set -- $(rsa_ints $name.pem)
    echo "Name = $name"
    echo "N = $2"; echo "E = $3"; echo "D = $4"; echo "P = $5"; echo "Q = $6"
    echo "DP = $7"; echo "DQ = $8"; echo "QInv = $9"
    echo
  done

  echo "[EC-Private-Key]"
  for name in p256 p384; do
    size=32; [ $name = p384 ] && size=48
    echo "Name = $name"
    echo "Scalar = $(pad "$(block $name.pem priv)" $size)"
    echo "Point = $(block $name.pem pub)"
    echo
  done

  echo "[Ed25519-Private-Key]"
  echo "Name = ed25519"
  echo "Seed = $(block ed25519.pem priv)"
  echo "Public = $(block ed25519.pem pub)"
  echo

  echo "[Signature]"
  # PKCS#1 v1.5 over a digest (DigestInfo added by OpenSSL), deterministic.
  for name in rsa2048 rsa1024; do
    for hash in sha1 sha256 sha384 sha512; do
      openssl dgst -$hash -binary "$work/msg" > "$work/digest"
      openssl pkeyutl -sign -inkey $name.pem -in "$work/digest" -pkeyopt digest:$hash \
        -out "$work/sig"
      echo "Key = $name"; echo "Alg = rsa_pkcs1"; echo "Hash = $(echo $hash | tr a-z A-Z)"
      echo "Msg = $(hexof "$work/msg")"; echo "Sig = $(hexof "$work/sig")"; echo
    done
    # TLS 1.0/1.1: MD5 || SHA-1 signed with PKCS#1 type 1 padding and no DigestInfo.
    openssl dgst -md5 -binary "$work/msg" > "$work/md5sha1"
    openssl dgst -sha1 -binary "$work/msg" >> "$work/md5sha1"
    openssl pkeyutl -sign -inkey $name.pem -in "$work/md5sha1" -out "$work/sig"
    echo "Key = $name"; echo "Alg = rsa_pkcs1"; echo "Hash = MD5+SHA1"
    echo "Msg = $(hexof "$work/msg")"; echo "Sig = $(hexof "$work/sig")"; echo
  done
  # PSS with MGF1 and salt length = digest length (randomised: tlspp verifies these).
  for hash in sha256 sha384 sha512; do
    openssl dgst -$hash -binary "$work/msg" > "$work/digest"
    openssl pkeyutl -sign -inkey rsa2048.pem -in "$work/digest" -pkeyopt digest:$hash \
      -pkeyopt rsa_padding_mode:pss -pkeyopt rsa_pss_saltlen:digest -out "$work/sig"
    echo "Key = rsa2048"; echo "Alg = rsa_pss"; echo "Hash = $(echo $hash | tr a-z A-Z)"
    echo "Msg = $(hexof "$work/msg")"; echo "Sig = $(hexof "$work/sig")"; echo
  done
  # ECDSA over a digest, DER-encoded (randomised).
  for pair in p256:sha256 p256:sha384 p384:sha384 p384:sha256; do
    name=${pair%%:*}; hash=${pair##*:}
    openssl dgst -$hash -binary "$work/msg" > "$work/digest"
    openssl pkeyutl -sign -inkey $name.pem -in "$work/digest" -out "$work/sig"
    echo "Key = $name"; echo "Alg = ecdsa"; echo "Hash = $(echo $hash | tr a-z A-Z)"
    echo "Msg = $(hexof "$work/msg")"; echo "Sig = $(hexof "$work/sig")"; echo
  done
  # Ed25519 over the message itself (deterministic).
  openssl pkeyutl -sign -rawin -inkey ed25519.pem -in "$work/msg" -out "$work/sig"
  echo "Key = ed25519"; echo "Alg = ed25519"; echo "Hash = SHA512"
  echo "Msg = $(hexof "$work/msg")"; echo "Sig = $(hexof "$work/sig")"; echo

  echo "[RSA-Encryption]"
  # A TLS pre-master secret (version 03 03 and 46 random bytes) encrypted by OpenSSL.
  printf '\003\003' > "$work/pms"
  openssl rand 46 >> "$work/pms"
  for name in rsa2048 rsa1024; do
    openssl pkey -in $name.pem -pubout -out "$work/pub.pem"
    openssl pkeyutl -encrypt -pubin -inkey "$work/pub.pem" -in "$work/pms" -out "$work/ct"
    echo "Key = $name"; echo "Plaintext = $(hexof "$work/pms")"
    echo "Ciphertext = $(hexof "$work/ct")"; echo
  done

  echo "[Key-Agreement]"
  agree() {  # agree <group name> <genpkey options...>
    group=$1; shift
    openssl genpkey "$@" -out "$work/ours.pem" 2>/dev/null
    openssl genpkey "$@" -out "$work/peer.pem" 2>/dev/null
    openssl pkey -in "$work/peer.pem" -pubout -out "$work/peer_pub.pem"
    openssl pkeyutl -derive -inkey "$work/ours.pem" -peerkey "$work/peer_pub.pem" \
      -out "$work/shared"
  }
  for g in x25519:X25519 secp256r1:P-256 secp384r1:P-384; do
    group=${g%%:*}; curve=${g##*:}
    case $group in
      x25519) agree $group -algorithm X25519; size=32 ;;
      secp256r1) agree $group -algorithm EC -pkeyopt ec_paramgen_curve:$curve; size=32 ;;
      *) agree $group -algorithm EC -pkeyopt ec_paramgen_curve:$curve; size=48 ;;
    esac
    echo "Group = $group"
    echo "Private = $(pad "$(block "$work/ours.pem" priv)" $size)"
    echo "Public = $(block "$work/ours.pem" pub)"
    echo "Peer = $(block "$work/peer.pem" pub)"
    echo "Shared = $(hexof "$work/shared")"; echo
  done
  # FFDHE: one ordinary exchange, then one whose padded shared secret starts with a zero byte,
  # so that OpenSSL's (unpadded) secret is shorter than p: tlspp must strip the same way.
  for want in any zero; do
    while :; do
      agree ffdhe2048 -algorithm DH -pkeyopt group:ffdhe2048
      openssl pkeyutl -derive -inkey "$work/ours.pem" -peerkey "$work/peer_pub.pem" \
        -pkeyopt dh_pad:1 -out "$work/padded"
      [ $want = any ] && break
      [ "$(xxd -p -l 1 "$work/padded")" = 00 ] && break
    done
    echo "Group = ffdhe2048"
    echo "Private = $(pad "$(block "$work/ours.pem" private-key)" 0)"
    echo "Public = $(pad "$(block "$work/ours.pem" public-key)" 256)"
    echo "Peer = $(pad "$(block "$work/peer.pem" public-key)" 256)"
    echo "Shared = $(hexof "$work/shared")"
    echo "SharedPadded = $(hexof "$work/padded")"; echo
  done
} > "$out"
echo "wrote $(pwd)/$out"
