using Indicators.Ingestion.Scheduling;

namespace Indicators.Ingestion.Tests.Scheduling;

public class CronWordsTests
{
    [Theory]
    [InlineData("0 6 * * *", "varje dag kl. 06:00")]
    [InlineData("30 7 * * 1-5", "måndag–fredag kl. 07:30")]
    [InlineData("0 3 * * 0", "varje söndag kl. 03:00")]
    [InlineData("0 3 * * 1,4", "varje måndag och torsdag kl. 03:00")]
    [InlineData("0 3 * * 1,5-7", "måndag och fredag–söndag kl. 03:00")]
    [InlineData("0 6,18 * * *", "varje dag kl. 06:00 och 18:00")]
    [InlineData("15 2 1 * *", "den 1 varje månad kl. 02:15")]
    [InlineData("0 5 15 3 *", "den 15 mars varje år kl. 05:00")]
    [InlineData("5 * * * *", "varje timme, 5 minuter över")]
    [InlineData("1 * * * *", "varje timme, 1 minut över")]
    [InlineData("*/15 * * * *", "var 15:e minut")]
    [InlineData("@daily", "varje dag kl. 00:00")]
    [InlineData("@weekly", "varje söndag kl. 00:00")]
    public void A_common_schedule_is_read_aloud_in_Swedish(string cron, string words) =>
        Assert.Equal(words, CronWords.Describe(cron));

    [Theory]
    [InlineData("0 6 1-7 * 1")]
    [InlineData("*/5 6-18 * * *")]
    [InlineData("0 25 * * *")]
    [InlineData("not a cron")]
    [InlineData("")]
    public void A_schedule_outside_the_common_shapes_is_not_guessed_at(string cron) =>
        Assert.Null(CronWords.Describe(cron));
}
