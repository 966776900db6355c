/* help.h: the help texts (see help.c). */
#ifndef SKP_CLI_HELP_H
#define SKP_CLI_HELP_H

extern const char help_main[];     /* sakipc --help */
extern const char help_exit[];     /* the exit statuses, after help_main */
extern const char help_main[];
extern const char help_init[];
extern const char help_import[];
extern const char help_check[];
extern const char help_eval[];
extern const char help_diff[];
extern const char help_need[];
extern const char help_margin[];
extern const char help_explain[];
extern const char help_audit[];
extern const char help_report[];
extern const char help_test[];
extern const char help_fmt[];
extern const char help_help[];

#endif
