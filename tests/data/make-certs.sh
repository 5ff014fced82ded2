#!/bin/sh
# Makes every certificate and key in tests/data with the openssl command line (OpenSSL 3.0 or
# later). Run it from anywhere: it writes next to itself. The results are committed, so the
# tests never run this script; run it again only to change the test PKI (and then update the
# expectations in tests/unit/x509/ that name serial numbers or fingerprints).
#
# Every certificate is valid from 2024-01-01 to 2049-12-31 (the roots until 2059, which makes
# their notAfter a GeneralizedTime), except the ones made to be expired or not yet valid.
# The tests verify at an explicit time (2030-06-01) and never depend on the current date.
set -eu

cd "$(dirname "$0")"
OUT=$(pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

START=20240101000000Z
END=20491231235959Z
ROOT_END=20591231235959Z

mkdir "$WORK/new"
: > "$WORK/index.txt"
cat > "$WORK/ca.cnf" <<EOF
[ca]
default_ca = test_ca
[test_ca]
database = $WORK/index.txt
new_certs_dir = $WORK/new
serial = $WORK/serial
policy = policy_any
unique_subject = no
email_in_dn = no
copy_extensions = none
default_md = default
[policy_any]
[req]
distinguished_name = dn
[dn]
EOF

# Extension sets, one section per kind of certificate.
cat > "$WORK/ext.cnf" <<'EOF'
[root]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash

[intermediate]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
certificatePolicies = 2.23.140.1.2.1

[ca_unlimited]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ca_false]
basicConstraints = critical,CA:FALSE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ca_no_certsign]
basicConstraints = critical,CA:TRUE
keyUsage = critical,digitalSignature,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ca_eku_client]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ca_no_ski]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = none
authorityKeyIdentifier = keyid:always

[ca_name_constraints]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
nameConstraints = critical,permitted;DNS:allowed.example,permitted;IP:10.0.0.0/255.0.0.0,excluded;DNS:bad.allowed.example

[server_rsa]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1,IP:::1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[server]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1,IP:::1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[client]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
subjectAltName = email:client@tlspp.test
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[leaf_plain]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth,clientAuth
subjectAltName = DNS:leaf.example
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[san_mix]
basicConstraints = CA:FALSE
keyUsage = digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:www.example.com,DNS:MiXeD.Example.ORG,IP:192.0.2.1,IP:2001:db8::1,email:admin@example.com,URI:https://www.example.com/
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints = URI:http://crl.tlspp.test/intermediate.crl
authorityInfoAccess = OCSP;URI:http://ocsp.tlspp.test/,caIssuers;URI:http://tlspp.test/intermediate.crt
certificatePolicies = 2.23.140.1.2.1,1.3.6.1.4.1.55555.2.1

[san_wildcard]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:*.wild.example,DNS:exact.example
authorityKeyIdentifier = keyid:always

[san_wildcard_tld]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:*.com,DNS:*
authorityKeyIdentifier = keyid:always

[san_partial_wildcard]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:w*.partial.example,DNS:www.*.example,DNS:*.*.double.example
authorityKeyIdentifier = keyid:always

[san_ip_as_dns]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:192.0.2.7
authorityKeyIdentifier = keyid:always

[san_ip_only]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = IP:192.0.2.8
authorityKeyIdentifier = keyid:always

# SAN = SEQUENCE { [2] "evil.example" NUL ".good.example" }, typed in as DER because no
# certificate tool writes a NUL into a dNSName on request.
[san_nul]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DER:30:1c:82:1a:65:76:69:6c:2e:65:78:61:6d:70:6c:65:00:2e:67:6f:6f:64:2e:65:78:61:6d:70:6c:65
authorityKeyIdentifier = keyid:always

[cn_only]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
authorityKeyIdentifier = keyid:always

[eku_client_only]
basicConstraints = CA:FALSE
extendedKeyUsage = clientAuth
subjectAltName = DNS:leaf.example
authorityKeyIdentifier = keyid:always

[unknown_critical]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:leaf.example
authorityKeyIdentifier = keyid:always
1.3.6.1.4.1.55555.1.1 = critical,ASN1:UTF8String:must be understood

# A private, non-critical extension carrying opaque evidence, the way RA-TLS certificates
# carry an attestation quote.
[evidence]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:leaf.example
authorityKeyIdentifier = keyid:always
1.3.6.1.4.1.55555.1.2 = ASN1:FORMAT:HEX,OCTETSTRING:00112233445566778899aabbccddeeff

[nc_permitted]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:www.allowed.example,IP:10.1.2.3
authorityKeyIdentifier = keyid:always

[nc_outside]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:www.other.example
authorityKeyIdentifier = keyid:always

[nc_excluded]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:host.bad.allowed.example
authorityKeyIdentifier = keyid:always

[nc_ip_outside]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:ip.allowed.example,IP:192.168.1.1
authorityKeyIdentifier = keyid:always

[nc_cn_outside]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
authorityKeyIdentifier = keyid:always
EOF

rsa_key() { openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:"${2:-2048}" -out "$OUT/$1.key"; }
ec_key() { openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:"$2" -pkeyopt ec_param_enc:named_curve -out "$OUT/$1.key"; }
ed_key() { openssl genpkey -quiet -algorithm ED25519 -out "$OUT/$1.key"; }

# sign NAME SUBJECT ISSUER SECTION [STARTDATE ENDDATE [openssl ca options...]]
# ISSUER "self" makes a self-signed certificate.
sign() {
  s_name=$1 s_subject=$2 s_issuer=$3 s_section=$4
  s_start=${5:-$START} s_end=${6:-$END}
  shift 4
  [ $# -ge 2 ] && shift 2 || set --
  openssl req -new -key "$OUT/$s_name.key" -subj "$s_subject" -utf8 -config "$WORK/ca.cnf" \
    -out "$WORK/$s_name.csr"
  if [ "$s_issuer" = self ]; then
    set -- -selfsign -keyfile "$OUT/$s_name.key" "$@"
  else
    set -- -cert "$OUT/$s_issuer.pem" -keyfile "$OUT/$s_issuer.key" "$@"
  fi
  openssl ca -batch -config "$WORK/ca.cnf" -utf8 -preserveDN -rand_serial -notext \
    -in "$WORK/$s_name.csr" -out "$OUT/$s_name.pem" -startdate "$s_start" -enddate "$s_end" \
    -extfile "$WORK/ext.cnf" -extensions "$s_section" "$@" 2> "$WORK/ca.log" ||
    { cat "$WORK/ca.log"; exit 1; }
}

ORG="/C=US/O=tlspp test"

# --- The main test PKI: root (RSA) -> intermediate (P-384, pathlen 0) -> TLS leaves ---------
rsa_key root-ca
sign root-ca "$ORG/CN=tlspp Test Root CA" self root $START $ROOT_END -md sha256
ec_key intermediate-ca P-384
sign intermediate-ca "$ORG/CN=tlspp Test Intermediate CA" root-ca intermediate $START $END -md sha256

rsa_key server-rsa2048
sign server-rsa2048 "$ORG/CN=localhost" intermediate-ca server_rsa $START $END -md sha384
ec_key server-p256 P-256
sign server-p256 "$ORG/CN=localhost" intermediate-ca server $START $END -md sha384
ec_key server-p384 P-384
sign server-p384 "$ORG/CN=localhost" intermediate-ca server $START $END -md sha384
ed_key server-ed25519
sign server-ed25519 "$ORG/CN=localhost" intermediate-ca server $START $END -md sha384
ec_key client-p256 P-256
sign client-p256 "$ORG/CN=tlspp test client" intermediate-ca client $START $END -md sha384
rsa_key client-rsa2048
sign client-rsa2048 "$ORG/CN=tlspp test client" intermediate-ca client $START $END -md sha384

for leaf in server-rsa2048 server-p256 server-p384 server-ed25519 client-p256 client-rsa2048; do
  cat "$OUT/$leaf.pem" "$OUT/intermediate-ca.pem" > "$OUT/$leaf.chain.pem"
done

# Other encodings of the same keys and certificates.
openssl pkey -in "$OUT/server-rsa2048.key" -traditional -out "$OUT/server-rsa2048.pkcs1.key"
openssl pkey -in "$OUT/server-p256.key" -traditional -out "$OUT/server-p256.sec1.key"
openssl pkey -in "$OUT/server-p384.key" -traditional -out "$OUT/server-p384.sec1.key"
openssl pkey -in "$OUT/server-p256.key" -outform DER -out "$OUT/server-p256.key.der"
openssl pkey -in "$OUT/server-ed25519.key" -outform DER -out "$OUT/server-ed25519.key.der"
openssl rsa -in "$OUT/server-rsa2048.key" -traditional -outform DER -out "$OUT/server-rsa2048.pkcs1.key.der" 2>/dev/null
openssl pkey -in "$OUT/server-rsa2048.key" -pubout -out "$OUT/server-rsa2048.pub.pem"
openssl rsa -in "$OUT/server-rsa2048.key" -RSAPublicKey_out -out "$OUT/server-rsa2048.rsapub.pem" 2>/dev/null
openssl pkey -in "$OUT/server-p256.key" -pubout -out "$OUT/server-p256.pub.pem"
openssl pkey -in "$OUT/server-ed25519.key" -pubout -out "$OUT/server-ed25519.pub.pem"
openssl x509 -in "$OUT/root-ca.pem" -outform DER -out "$OUT/root-ca.der"
openssl x509 -in "$OUT/server-p256.pem" -outform DER -out "$OUT/server-p256.der"

# --- Host-name cases (leaves of the intermediate) ------------------------------------------
ec_key leaf-key P-256
for spec in san-mix:san_mix:www.example.com san-wildcard:san_wildcard:wild \
            san-wildcard-tld:san_wildcard_tld:tld san-partial-wildcard:san_partial_wildcard:partial \
            san-ip-as-dns:san_ip_as_dns:ip-as-dns san-ip-only:san_ip_only:ip-only \
            san-nul:san_nul:nul cn-only:cn_only:cn-only.example \
            eku-client-only:eku_client_only:leaf.example \
            unknown-critical:unknown_critical:leaf.example evidence:evidence:leaf.example; do
  name=${spec%%:*} rest=${spec#*:}
  section=${rest%%:*} cn=${rest#*:}
  cp "$OUT/leaf-key.key" "$OUT/leaf-$name.key"
  sign "leaf-$name" "$ORG/CN=$cn" intermediate-ca "$section" $START $END -md sha256
  rm "$OUT/leaf-$name.key"
done

# A subject with a multi-valued RDN, a comma, and UTF-8, for name printing.
cp "$OUT/leaf-key.key" "$OUT/leaf-fancy-name.key"
sign leaf-fancy-name "/C=US/O=Example, Inc./OU=R&D+CN=fancy.example/CN=caf$(printf '\303\251')" \
  intermediate-ca leaf_plain $START $END -md sha256
rm "$OUT/leaf-fancy-name.key"

# --- Validity -------------------------------------------------------------------------------
cp "$OUT/leaf-key.key" "$OUT/leaf-expired.key"
sign leaf-expired "$ORG/CN=leaf.example" intermediate-ca leaf_plain 20240101000000Z 20241231235959Z -md sha256
rm "$OUT/leaf-expired.key"
cp "$OUT/leaf-key.key" "$OUT/leaf-not-yet-valid.key"
sign leaf-not-yet-valid "$ORG/CN=leaf.example" intermediate-ca leaf_plain 20400101000000Z $END -md sha256
rm "$OUT/leaf-not-yet-valid.key"

# --- Bad intermediates ----------------------------------------------------------------------
ec_key ca-false P-256
sign ca-false "$ORG/CN=tlspp CA FALSE intermediate" root-ca ca_false $START $END -md sha256
cp "$OUT/leaf-key.key" "$OUT/leaf-under-ca-false.key"
sign leaf-under-ca-false "$ORG/CN=leaf.example" ca-false leaf_plain $START $END -md sha256
rm "$OUT/leaf-under-ca-false.key"

ec_key ca-no-certsign P-256
sign ca-no-certsign "$ORG/CN=tlspp no keyCertSign intermediate" root-ca ca_no_certsign $START $END -md sha256
cp "$OUT/leaf-key.key" "$OUT/leaf-under-no-certsign.key"
sign leaf-under-no-certsign "$ORG/CN=leaf.example" ca-no-certsign leaf_plain $START $END -md sha256
rm "$OUT/leaf-under-no-certsign.key"

# An intermediate restricted to client authentication by extendedKeyUsage.
ec_key ca-eku-client P-256
sign ca-eku-client "$ORG/CN=tlspp clientAuth-only intermediate" root-ca ca_eku_client $START $END -md sha256
cp "$OUT/leaf-key.key" "$OUT/leaf-under-eku-client.key"
sign leaf-under-eku-client "$ORG/CN=leaf.example" ca-eku-client leaf_plain $START $END -md sha256
rm "$OUT/leaf-under-eku-client.key"

# The intermediate has pathlen 0, so a CA below it breaks the path-length constraint.
ec_key ca-below-pathlen0 P-256
sign ca-below-pathlen0 "$ORG/CN=tlspp CA below pathlen 0" intermediate-ca ca_unlimited $START $END -md sha384
cp "$OUT/leaf-key.key" "$OUT/leaf-pathlen-violation.key"
sign leaf-pathlen-violation "$ORG/CN=leaf.example" ca-below-pathlen0 leaf_plain $START $END -md sha256
rm "$OUT/leaf-pathlen-violation.key"

# Issuers sharing the intermediate's name, for path building with alternatives:
# - decoy-intermediate-ca: another key, no subjectKeyIdentifier (signatures fail);
# - intermediate-ca-expired: the intermediate's key, expired;
# - intermediate-ca-cross: the intermediate's key, issued by an untrusted root.
ec_key decoy-intermediate-ca P-384
sign decoy-intermediate-ca "$ORG/CN=tlspp Test Intermediate CA" root-ca ca_no_ski $START $END -md sha256
cp "$OUT/intermediate-ca.key" "$OUT/intermediate-ca-expired.key"
sign intermediate-ca-expired "$ORG/CN=tlspp Test Intermediate CA" root-ca intermediate 20240101000000Z 20241231235959Z -md sha256
rm "$OUT/intermediate-ca-expired.key"

# --- Other roots ----------------------------------------------------------------------------
rsa_key untrusted-root-ca
sign untrusted-root-ca "$ORG/CN=tlspp Untrusted Root CA" self root $START $ROOT_END -md sha256
cp "$OUT/intermediate-ca.key" "$OUT/intermediate-ca-cross.key"
sign intermediate-ca-cross "$ORG/CN=tlspp Test Intermediate CA" untrusted-root-ca intermediate $START $END -md sha256
rm "$OUT/intermediate-ca-cross.key"
cp "$OUT/leaf-key.key" "$OUT/leaf-untrusted.key"
sign leaf-untrusted "$ORG/CN=leaf.example" untrusted-root-ca leaf_plain $START $END -md sha256
rm "$OUT/leaf-untrusted.key"

cp "$OUT/leaf-key.key" "$OUT/self-signed.key"
sign self-signed "$ORG/CN=leaf.example" self leaf_plain $START $END -md sha256
rm "$OUT/self-signed.key"

ec_key root-p256-ca P-256
sign root-p256-ca "$ORG/CN=tlspp P-256 Root CA" self root $START $ROOT_END -md sha256
ed_key root-ed25519-ca
sign root-ed25519-ca "$ORG/CN=tlspp Ed25519 Root CA" self root $START $ROOT_END

# --- Signature algorithms (leaves signed directly by a root) --------------------------------
for spec in sha1:root-ca:-md:sha1 md5:root-ca:-md:md5 rsa-sha512:root-ca:-md:sha512 \
            rsa-pss:root-ca:-md:sha256 ecdsa-p256:root-p256-ca:-md:sha256 \
            ed25519:root-ed25519-ca; do
  name=${spec%%:*} rest=${spec#*:}
  issuer=${rest%%:*} opts=$(echo "${rest#*:}" | tr ':' ' ')
  [ "$issuer" = "$rest" ] && opts=
  [ "$name" = rsa-pss ] && opts="$opts -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest"
  cp "$OUT/leaf-key.key" "$OUT/leaf-sig-$name.key"
  # shellcheck disable=SC2086
  sign "leaf-sig-$name" "$ORG/CN=leaf.example" "$issuer" leaf_plain $START $END $opts
  rm "$OUT/leaf-sig-$name.key"
done

# --- Name constraints -----------------------------------------------------------------------
ec_key nc-ca P-256
sign nc-ca "$ORG/CN=tlspp Name Constraints CA" root-ca ca_name_constraints $START $END -md sha256
for spec in permitted:nc_permitted:www.allowed.example outside:nc_outside:www.other.example \
            excluded:nc_excluded:host.bad.allowed.example ip-outside:nc_ip_outside:ip.allowed.example \
            cn-outside:nc_cn_outside:cn.other.example; do
  name=${spec%%:*} rest=${spec#*:}
  section=${rest%%:*} cn=${rest#*:}
  cp "$OUT/leaf-key.key" "$OUT/nc-leaf-$name.key"
  sign "nc-leaf-$name" "$ORG/CN=$cn" nc-ca "$section" $START $END -md sha256
  rm "$OUT/nc-leaf-$name.key"
done

# --- A version 1 certificate (no extensions) ------------------------------------------------
openssl req -new -key "$OUT/leaf-key.key" -subj "$ORG/CN=v1.example" -config "$WORK/ca.cnf" \
  -out "$WORK/v1.csr"
openssl ca -batch -config "$WORK/ca.cnf" -preserveDN -rand_serial -notext -in "$WORK/v1.csr" \
  -out "$OUT/leaf-v1.pem" -cert "$OUT/root-ca.pem" -keyfile "$OUT/root-ca.key" \
  -startdate $START -enddate $END -md sha256 2> "$WORK/ca.log" || { cat "$WORK/ca.log"; exit 1; }

# --- Trust stores ---------------------------------------------------------------------------
cat "$OUT/root-ca.pem" "$OUT/root-p256-ca.pem" "$OUT/root-ed25519-ca.pem" > "$OUT/ca-bundle.pem"
rm -rf "$OUT/ca-dir"
mkdir "$OUT/ca-dir"
cp "$OUT/root-ca.pem" "$OUT/root-p256-ca.pem" "$OUT/root-ed25519-ca.pem" "$OUT/ca-dir/"
echo "Not a certificate: files without PEM certificates are skipped." > "$OUT/ca-dir/README.txt"

echo "done: $(ls "$OUT" | wc -l) files in $OUT"
