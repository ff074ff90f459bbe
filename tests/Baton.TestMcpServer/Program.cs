// A small MCP server over stdio that the AI tests start as a real process.
using Baton.TestMcpServer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Lets a test learn the process id before any tool call, to check that the process is stopped.
if (Environment.GetEnvironmentVariable("TEST_MCP_PID_FILE") is { Length: > 0 } pidFile)
{
    File.WriteAllText(pidFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

var builder = Host.CreateApplicationBuilder(args);

// stdout carries the protocol: nothing else may write to it.
builder.Logging.ClearProviders();
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

builder.Services.AddMcpServer().WithStdioServerTransport().WithTools<DocsTools>().WithTools<UtilityTools>();

await builder.Build().RunAsync();
