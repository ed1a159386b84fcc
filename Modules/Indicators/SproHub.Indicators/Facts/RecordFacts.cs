using MediatR;
using SproHub.Shared.Events;

namespace SproHub.Indicators.Facts;

/// <summary>The events the outbox delivers into the facts the dashboards read: a batch in one transaction, or one alone.</summary>
internal sealed class RecordFacts(FactIngestor ingestor) : IIntegrationEventBatchHandler,
    INotificationHandler<MeetingHeld>, INotificationHandler<IndicatorValueRecorded>,
    INotificationHandler<SubsidyGranted>, INotificationHandler<PaymentMade>, INotificationHandler<YearClosed>
{
    public static readonly IReadOnlyCollection<Type> Told = [typeof(MeetingHeld), typeof(IndicatorValueRecorded), typeof(SubsidyGranted), typeof(PaymentMade), typeof(YearClosed)];

    public IReadOnlyCollection<Type> EventTypes => Told;
    public Task HandleAsync(IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken) => ingestor.IngestAsync(events, cancellationToken);

    public Task Handle(MeetingHeld e, CancellationToken cancellationToken) => ingestor.IngestAsync([e], cancellationToken);
    public Task Handle(IndicatorValueRecorded e, CancellationToken cancellationToken) => ingestor.IngestAsync([e], cancellationToken);
    public Task Handle(SubsidyGranted e, CancellationToken cancellationToken) => ingestor.IngestAsync([e], cancellationToken);
    public Task Handle(PaymentMade e, CancellationToken cancellationToken) => ingestor.IngestAsync([e], cancellationToken);
    public Task Handle(YearClosed e, CancellationToken cancellationToken) => ingestor.IngestAsync([e], cancellationToken);
}
