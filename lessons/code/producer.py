# producer.py: send 200 orders, keyed; hear about each.
from confluent_kafka import Producer

producer = Producer({
    "bootstrap.servers": "localhost:9092",
    "acks": "all",               # all in-sync replicas
    "enable.idempotence": True,  # no retry duplicates
})


def delivered(err, msg):  #@callback
    if err is not None:
        print("not written:", err)
    else:
        print(msg.partition(), msg.offset())


for n in range(200):
    # one key, one partition: its orders keep order
    key = f"customer-{n % 10}"  #@key
    producer.produce("orders", key=key,  #@send
                     value=f"order {n}",
                     on_delivery=delivered)
    producer.poll(0)  # run callbacks of earlier sends  #@poll

producer.flush()  # wait until every send is answered  #@flush
