// Certificate times: UTCTime and GeneralizedTime to seconds since the Unix epoch and back, in
// the forms RFC 5280 §4.1.2.5 allows and the forms people type and read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tls::x509 {

// Seconds since 1970-01-01T00:00:00Z (negative before). Leap seconds do not exist here, as in
// POSIX time.
using UnixTime = std::int64_t;

// Days since 1970-01-01 of a proleptic Gregorian date (no range or validity check).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);
bool is_valid_date(std::int64_t year, unsigned month, unsigned day);

// UTCTime contents "YYMMDDHHMMSSZ" (exactly 13 characters; YY < 50 means 20YY, else 19YY).
std::optional<UnixTime> parse_utc_time(std::string_view text);
// GeneralizedTime contents "YYYYMMDDHHMMSSZ" (exactly 15 characters, no fraction).
std::optional<UnixTime> parse_generalized_time(std::string_view text);

// "2024-01-01T00:00:00Z" (also accepts a space instead of 'T'). For command lines.
std::optional<UnixTime> parse_iso8601(std::string_view text);

// "Jan  1 00:00:00 2024 GMT", as openssl x509 -text prints a time.
std::string format_openssl_time(UnixTime t);
// "2024-01-01T00:00:00Z".
std::string format_iso8601(UnixTime t);

}  // namespace tls::x509
