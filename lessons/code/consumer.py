# consumer.py: reserve stock per order, at least once.
from confluent_kafka import Consumer

consumer = Consumer({
    "bootstrap.servers": "localhost:9092",
    "group.id": "inventory",
    "enable.auto.commit": False,  # commit after work
    "auto.offset.reset": "earliest",  # none yet: from 0
})
consumer.subscribe(["orders"])  #@subscribe

try:
    while True:
        batch = consumer.consume(num_messages=20,  #@poll
                                 timeout=1.0)
        for msg in batch:
            if msg.error() is None:
                # 200 ms of work per order
                reserve_stock(msg.key(), msg.value())  #@process
        if batch:
            # commit the next offsets to read
            consumer.commit(asynchronous=False)  #@commit
finally:
    # leave the group: it rebalances at once
    consumer.close()  #@close
