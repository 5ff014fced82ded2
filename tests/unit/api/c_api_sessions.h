// The C-language tests of the C API (c_api_sessions.c): each returns NULL on success or what
// failed. `data_dir` is tests/data.
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

const char *c_api_resume_through_bytes(const char *data_dir);
const char *c_api_session_store(const char *data_dir);
const char *c_api_ticket_keys(const char *data_dir);
const char *c_api_renegotiate(const char *data_dir);
const char *c_api_server_callbacks(const char *data_dir);
const char *c_api_client_cert_callback(const char *data_dir);
const char *c_api_record_limits(const char *data_dir);

#ifdef __cplusplus
}
#endif
