// eventscope's stand-in for rcutils (ROS 2's C utilities), used only when its real headers
// are not on the include path: the command-line helpers nodes read their topics with
// (`rcutils_cli_get_option(argv, argv + argc, "-t")`, a configuration read) and the logging
// macros (arguments accepted, not evaluated).
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif
typedef int rcutils_ret_t;
#define RCUTILS_RET_OK 0
#define RCUTILS_RET_ERROR 2
bool rcutils_cli_option_exist(char **begin, char **end, const char *option);
char *rcutils_cli_get_option(char **begin, char **end, const char *option);
const char *rcutils_get_env(const char *env_name, const char **env_value);
bool rcutils_set_env(const char *env_name, const char *env_value);
#ifdef __cplusplus
}
#endif

#define EVENTSCOPE_RCUTILS_LOG(...) ((void)0)
#define RCUTILS_LOG_DEBUG(...) EVENTSCOPE_RCUTILS_LOG(__VA_ARGS__)
#define RCUTILS_LOG_INFO(...) EVENTSCOPE_RCUTILS_LOG(__VA_ARGS__)
#define RCUTILS_LOG_WARN(...) EVENTSCOPE_RCUTILS_LOG(__VA_ARGS__)
#define RCUTILS_LOG_ERROR(...) EVENTSCOPE_RCUTILS_LOG(__VA_ARGS__)
#define RCUTILS_LOG_FATAL(...) EVENTSCOPE_RCUTILS_LOG(__VA_ARGS__)
#define RCUTILS_LOG_DEBUG_NAMED(...) EVENTSCOPE_RCUTILS_LOG(__VA_ARGS__)
#define RCUTILS_LOG_INFO_NAMED(...) EVENTSCOPE_RCUTILS_LOG(__VA_ARGS__)
#define RCUTILS_LOG_WARN_NAMED(...) EVENTSCOPE_RCUTILS_LOG(__VA_ARGS__)
#define RCUTILS_LOG_ERROR_NAMED(...) EVENTSCOPE_RCUTILS_LOG(__VA_ARGS__)
#define RCUTILS_LOG_FATAL_NAMED(...) EVENTSCOPE_RCUTILS_LOG(__VA_ARGS__)
