#include "x509/time.hpp"

#include <array>
#include <cstdio>

namespace tls::x509 {

namespace {

bool is_leap(std::int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(std::int64_t year, unsigned month) {
  static constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return kDays[month - 1];
}

// Reads `count` decimal digits at `at`; nullopt unless all are digits.
std::optional<unsigned> digits(std::string_view text, std::size_t at, std::size_t count) {
  unsigned v = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[at + i];
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  return v;
}

// Month, day, hour, minute and second from "MMDDHHMMSS" at `at`, then the time.
std::optional<UnixTime> finish(std::int64_t year, std::string_view text, std::size_t at) {
  const auto month = digits(text, at, 2);
  const auto day = digits(text, at + 2, 2);
  const auto hour = digits(text, at + 4, 2);
  const auto minute = digits(text, at + 6, 2);
  const auto second = digits(text, at + 8, 2);
  if (!month || !day || !hour || !minute || !second) return std::nullopt;
  if (!is_valid_date(year, *month, *day) || *hour > 23 || *minute > 59 || *second > 59)
    return std::nullopt;
  return days_from_civil(year, *month, *day) * 86400 + *hour * 3600 + *minute * 60 + *second;
}

struct Civil {
  std::int64_t year;
  unsigned month, day, hour, minute, second;
};

// The inverse of days_from_civil (H. Hinnant's algorithm), plus the time of day.
Civil to_civil(UnixTime t) {
  std::int64_t days = t / 86400;
  std::int64_t secs = t % 86400;
  if (secs < 0) {
    secs += 86400;
    days -= 1;
  }
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const auto day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  const auto month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return Civil{year,
               month,
               day,
               static_cast<unsigned>(secs / 3600),
               static_cast<unsigned>(secs / 60 % 60),
               static_cast<unsigned>(secs % 60)};
}

}  // namespace

std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t yoe = year - era * 400;
  const std::int64_t mp = month > 2 ? month - 3 : month + 9;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool is_valid_date(std::int64_t year, unsigned month, unsigned day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<UnixTime> parse_utc_time(std::string_view text) {
  if (text.size() != 13 || text[12] != 'Z') return std::nullopt;
  const auto yy = digits(text, 0, 2);
  if (!yy) return std::nullopt;
  // RFC 5280 §4.1.2.5.1: YY >= 50 is 19YY, YY < 50 is 20YY.
  const std::int64_t year = *yy >= 50 ? 1900 + *yy : 2000 + *yy;
  return finish(year, text, 2);
}

std::optional<UnixTime> parse_generalized_time(std::string_view text) {
  if (text.size() != 15 || text[14] != 'Z') return std::nullopt;
  const auto year = digits(text, 0, 4);
  if (!year) return std::nullopt;
  return finish(*year, text, 4);
}

std::optional<UnixTime> parse_iso8601(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SSZ
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return std::nullopt;
  std::string compact;
  compact += text.substr(0, 4);
  compact += text.substr(5, 2);
  compact += text.substr(8, 2);
  compact += text.substr(11, 2);
  compact += text.substr(14, 2);
  compact += text.substr(17, 2);
  compact += 'Z';
  return parse_generalized_time(compact);
}

std::string format_openssl_time(UnixTime t) {
  static constexpr std::array<const char *, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const Civil c = to_civil(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %2u %02u:%02u:%02u %lld GMT", kMonths[c.month - 1], c.day,
                c.hour, c.minute, c.second, static_cast<long long>(c.year));
  return buf;
}

std::string format_iso8601(UnixTime t) {
  const Civil c = to_civil(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02u:%02u:%02uZ", static_cast<long long>(c.year),
                c.month, c.day, c.hour, c.minute, c.second);
  return buf;
}

}  // namespace tls::x509
