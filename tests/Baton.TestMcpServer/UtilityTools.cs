using System.ComponentModel;
using ModelContextProtocol.Server;

namespace Baton.TestMcpServer;

/// <summary>Tools that let the tests see arithmetic, the server's process and its environment.</summary>
[McpServerToolType]
public sealed class UtilityTools
{
    [McpServerTool(Name = "add", ReadOnly = true)]
    [Description("Adds two integers.")]
    public static long Add([Description("The first addend.")] long a, [Description("The second addend.")] long b) => a + b;

    [McpServerTool(Name = "server_pid", ReadOnly = true)]
    [Description("Returns the server's process id.")]
    public static int ServerPid() => Environment.ProcessId;

    [McpServerTool(Name = "read_env", ReadOnly = true)]
    [Description("Returns the value of one of the server's environment variables, or '(unset)'.")]
    public static string ReadEnv([Description("The variable's name.")] string name) => Environment.GetEnvironmentVariable(name) ?? "(unset)";

    [McpServerTool(Name = "working_dir", ReadOnly = true)]
    [Description("Returns the server's working directory.")]
    public static string WorkingDir() => Environment.CurrentDirectory;
}
