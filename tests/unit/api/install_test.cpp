// Installs tlspp into a temporary prefix, then builds against it as users do — a CMake project
// with find_package(tlspp CONFIG) and a C file compiled with $(pkg-config --cflags --libs
// tlspp) — and runs both against openssl s_server.
#include "api_test_util.hpp"
#include "process.hpp"

namespace tls::api_test {
namespace {

bool sanitized_build() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#endif
#endif
  return false;
}

TEST(Install, ConsumersBuiltAgainstTheInstalledPackageTalkToOpensslServer) {
  // A sanitized libtlspp.so cannot be loaded by an uninstrumented consumer.
  if (sanitized_build()) GTEST_SKIP() << "sanitizer build: the installed library needs its runtime";
  if (!program_exists("openssl") || !program_exists("pkg-config") || !program_exists("cc"))
    GTEST_SKIP() << "needs openssl, pkg-config and cc";
  const auto build = build_dir();
  ASSERT_TRUE(std::filesystem::exists(build / "CMakeCache.txt"));
  const auto work =
      std::filesystem::temp_directory_path() / ("tlspp-install-test-" + std::to_string(getpid()));
  std::filesystem::remove_all(work);
  std::filesystem::create_directories(work);
  const auto prefix = work / "prefix";

  auto r = run({"cmake", "--install", build.string(), "--prefix", prefix.string()}, {},
               std::chrono::seconds(120));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  ASSERT_TRUE(std::filesystem::exists(prefix / "include/tls/tls.hpp"));
  ASSERT_TRUE(std::filesystem::exists(prefix / "include/tls/ssl.h"));
  // No internal header is needed by the public ones.
  ASSERT_FALSE(std::filesystem::exists(prefix / "include/tls/handshake"));

  const std::string source = std::string(TLS_SOURCE_DIR) + "/tests/unit/api/consumer";
  r = run({"cmake", "-S", source, "-B", (work / "consumer").string(),
           "-DCMAKE_PREFIX_PATH=" + prefix.string(), "-DCMAKE_BUILD_TYPE=Release"},
          {}, std::chrono::seconds(120));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  r = run({"cmake", "--build", (work / "consumer").string()}, {}, std::chrono::seconds(240));
  ASSERT_EQ(r.exit_code, 0) << r.output;

  const auto libdir =
      std::filesystem::exists(prefix / "lib/pkgconfig") ? prefix / "lib" : prefix / "lib64";
  const std::string pkg_env = "PKG_CONFIG_PATH=" + (libdir / "pkgconfig").string();
  const std::string c_program = (work / "https_client").string();
  r = run({"sh", "-c",
           "cc -std=c11 -Wall -Werror " + std::string(TLS_SOURCE_DIR) +
               "/examples/https_client.c -o " + c_program + " $(pkg-config --cflags --libs tlspp)"},
          {}, std::chrono::seconds(120), {pkg_env});
  ASSERT_EQ(r.exit_code, 0) << r.output;

  const int port = free_port();
  Background server({"openssl", "s_server", "-accept", "127.0.0.1:" + std::to_string(port), "-cert",
                     data_path("server-rsa2048.pem"), "-cert_chain",
                     data_path("intermediate-ca.pem"), "-key", data_path("server-rsa2048.key"),
                     "-www", "-quiet"});
  ASSERT_TRUE(wait_for_port(port)) << server.output();
  const std::string ld = "LD_LIBRARY_PATH=" + libdir.string();

  r = run({(work / "consumer/consumer").string(), "localhost", std::to_string(port),
           data_path("root-ca.pem")},
          {}, std::chrono::seconds(30), {ld});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("consumer connected: TLSv1.2"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("HTTP/1.0 200 ok"), std::string::npos) << r.output;

  r = run({c_program, "localhost", std::to_string(port), data_path("root-ca.pem")}, {},
          std::chrono::seconds(30), {ld});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("HTTP/1.0 200 ok"), std::string::npos) << r.output;
  // It runs on the installed shared library.
  r = run({"sh", "-c", "ldd " + c_program}, {}, std::chrono::seconds(10), {ld});
  EXPECT_NE(r.output.find(libdir.string()), std::string::npos) << r.output;

  server.stop();
  std::filesystem::remove_all(work);
}

}  // namespace
}  // namespace tls::api_test
