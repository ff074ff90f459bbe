// The AI tests start real processes (tool scripts, the MCP test server) with POSIX shells: they run where CI runs, on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
