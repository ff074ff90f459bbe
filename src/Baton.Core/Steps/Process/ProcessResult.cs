namespace Baton.Steps;

/// <summary>How a <c>run</c> step's process ended: its exit code and what it wrote.</summary>
internal sealed record ProcessResult(int ExitCode, OutputCapture Stdout, OutputCapture Stderr);
