using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

public sealed class ConcurrencyTests
{
    [Fact]
    public void Compile_SharedCompilerOnManyThreads_GivesTheSameDefinition()
    {
        var compiler = new WorkflowCompiler();
        var bundle = compiler.CompileFile(Fixtures.PathOf("good/every-kind.yaml")).GetDefinitionOrThrow().Source;
        var hashes = new ConcurrentBag<string>();
        var inputErrors = new ConcurrentBag<int>();

        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            var definition = compiler.Compile(bundle).GetDefinitionOrThrow();
            hashes.Add(definition.Hash);
            inputErrors.Add(InputValidator.Validate(definition, new JsonObject()).Count);
        });

        hashes.Distinct().Should().Equal(bundle.ComputeHash());
        inputErrors.Distinct().Should().Equal(2);
    }
}
