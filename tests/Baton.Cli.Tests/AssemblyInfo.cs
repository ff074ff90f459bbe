// The CLI tests drive real processes with POSIX shells and signals (SIGKILL): they run where Baton's CI runs, on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
