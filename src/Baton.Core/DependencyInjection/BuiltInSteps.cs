namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the step executors that ship with the engine.</summary>
internal static class BuiltInSteps
{
    public static void Register(IServiceCollection services)
    {
        // The http and run executors are registered here once they are part of the engine.
        _ = services;
    }
}
