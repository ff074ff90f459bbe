using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.Cli;

/// <summary>What a failed command reports: a stable code for scripts, a message for people, and details where there are several problems.</summary>
internal sealed record CliError(
    string Code,
    string Message,
    JsonArray? Details = null,
    int ExitCode = ExitCodes.Usage,
    IReadOnlyList<Diagnostic>? Diagnostics = null);
