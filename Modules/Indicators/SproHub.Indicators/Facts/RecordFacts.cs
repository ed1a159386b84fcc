using MediatR;
using SproHub.Shared.Events;

namespace SproHub.Indicators.Facts;

/// <summary>The events the outbox delivers, one by one, into the facts the dashboards read.</summary>
internal sealed class RecordFacts(FactIngestor ingestor) :
    INotificationHandler<MeetingHeld>, INotificationHandler<IndicatorValueRecorded>,
    INotificationHandler<SubsidyGranted>, INotificationHandler<PaymentMade>, INotificationHandler<YearClosed>
{
    public Task Handle(MeetingHeld e, CancellationToken cancellationToken) => ingestor.IngestAsync([e], cancellationToken);
    public Task Handle(IndicatorValueRecorded e, CancellationToken cancellationToken) => ingestor.IngestAsync([e], cancellationToken);
    public Task Handle(SubsidyGranted e, CancellationToken cancellationToken) => ingestor.IngestAsync([e], cancellationToken);
    public Task Handle(PaymentMade e, CancellationToken cancellationToken) => ingestor.IngestAsync([e], cancellationToken);
    public Task Handle(YearClosed e, CancellationToken cancellationToken) => ingestor.IngestAsync([e], cancellationToken);
}
