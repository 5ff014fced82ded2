// Runs the C-language tests of the C API's sessions, renegotiation and callbacks
// (c_api_sessions.c, compiled as C).
#include <gtest/gtest.h>

#include "unit/api/c_api_sessions.h"

namespace {

#define C_API_TEST(name, function)                     \
  TEST(CApiSessions, name) {                           \
    const char *failure = function(TLS_TEST_DATA_DIR); \
    EXPECT_EQ(failure, nullptr) << failure;            \
  }

C_API_TEST(ResumesThroughSessionBytes, c_api_resume_through_bytes)
C_API_TEST(SessionStoreCallbacks, c_api_session_store)
C_API_TEST(TicketKeysSharedAndRotated, c_api_ticket_keys)
C_API_TEST(Renegotiate, c_api_renegotiate)
C_API_TEST(SniAndAlpnCallbacks, c_api_server_callbacks)
C_API_TEST(ClientCertificateCallback, c_api_client_cert_callback)
C_API_TEST(RecordLimits, c_api_record_limits)

}  // namespace
