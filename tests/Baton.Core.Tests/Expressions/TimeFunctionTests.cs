using Baton.Expressions;

namespace Baton.Core.Tests.Expressions;

public class TimeFunctionTests
{
    [Fact]
    public void Now_ReadsTheContextClock()
    {
        Expr.Json("now()").Should().Be("\"2026-11-21T09:30:00.000Z\"");
    }

    [Fact]
    public void Now_WithArguments_IsAParseError()
    {
        Expr.SingleError(Template.ParseExpression("now('utc')")).Message.Should().Be("Function 'now' takes no arguments, but was given 1.");
    }

    [Theory]
    [InlineData("addDuration('2026-12-01T09:00:00Z', '1h30m')", "2026-12-01T10:30:00.000Z")]
    [InlineData("addDuration('2026-12-01T09:00:00Z', '-1d')", "2026-11-30T09:00:00.000Z")]
    [InlineData("addDuration('2026-12-01T09:00:00+02:00', '500ms')", "2026-12-01T07:00:00.500Z")]
    [InlineData("addDuration(now(), '30s')", "2026-11-21T09:30:30.000Z")]
    [InlineData("formatTime('2026-12-01T09:05:00Z', 'yyyy/MM/dd HH:mm')", "2026/12/01 09:05")]
    [InlineData("formatTime('2026-12-01T01:00:00+02:00', 'dddd d MMMM')", "Monday 30 November")]
    public void TimeFunctions_ValidInput_Compute(string expression, string expected)
    {
        Expr.Eval(expression)!.GetValue<string>().Should().Be(expected);
    }

    [Theory]
    [InlineData("addDuration('2026-12-01T09:00:00Z', 'soon')", "expects a duration such as '1h30m' or '-1d' as its second argument, not 'soon'")]
    [InlineData("addDuration('2026-12-01T09:00:00Z', '3651d')", "expects a duration such as")]
    [InlineData("addDuration('yesterday', '1d')", "expects an ISO-8601 time such as '2026-12-01T09:00:00Z' as its first argument")]
    [InlineData("addDuration('9999-12-31T00:00:00Z', '2d')", "gave a time outside the years 1 to 9999")]
    [InlineData("formatTime('2026-12-01T09:00:00Z', '%')", "got '%', which is not a valid .NET date format")]
    [InlineData("formatTime(1, 'yyyy')", "expects a string as its first argument, not a number")]
    public void TimeFunctions_BadInput_Fail(string expression, string message)
    {
        Expr.Fails(expression).Message.Should().Contain(message);
    }
}
