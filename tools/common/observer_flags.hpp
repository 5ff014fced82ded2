// The flags both tools take to show a handshake as it happens, as openssl s_client / s_server
// spell them: -msg, -state, -trace, -showkeys and -keylogfile FILE.
#pragma once

#include <string>
#include <string_view>

#include "keylog_file.hpp"
#include "observer.hpp"

namespace tls::tools {

struct ObserverFlags {
  bool msg = false;
  bool state = false;
  bool trace = false;
  bool show_keys = false;
  std::string keylog_file;  // empty: $SSLKEYLOGFILE, if set

  // Consumes argv[i] (and its value) when it is one of these flags. Returns false when it is
  // not; sets `error` when it is one but its value is missing.
  bool parse(int argc, char **argv, int &i, std::string &error) {
    const std::string_view arg = argv[i];
    if (arg == "-msg") {
      msg = true;
    } else if (arg == "-state") {
      state = true;
    } else if (arg == "-trace") {
      trace = true;
    } else if (arg == "-showkeys") {
      show_keys = true;
    } else if (arg == "-keylogfile") {
      if (i + 1 >= argc) {
        error = "-keylogfile needs a value";
        return true;
      }
      keylog_file = argv[++i];
    } else {
      return false;
    }
    return true;
  }

  // Sets what `observer` shows and opens the key log (false, with `error`, when it cannot).
  bool apply(Observer &observer, KeylogFile &keylog, std::string &error) const {
    observer.show_msg = msg;
    observer.show_state = state;
    observer.show_trace = trace;
    observer.show_keys = show_keys;
    return keylog.open(keylog_file, error);
  }
};

}  // namespace tls::tools
